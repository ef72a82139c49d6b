package org.rekindle.platform.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which documents of a collection belong to an owner (a client, a recipient, a notification): one document per owner
 * in its own collection, {@code _id} = the owner's id, {@code ids} = the ids of the owner's documents.
 * <p>
 * "Every document of owner X" is then two lookups on the unique {@code _id} index (the owner's document, then its
 * documents by {@code $in}), whose cost grows with that owner's documents, never with the whole collection. Why: the
 * embedded MongoDB-wire server ignores non-unique secondary indexes, so a filter on an owner field scans every
 * document of the collection, and the collections indexed this way grow with history. On real MongoDB it costs one
 * small extra read.
 * <p>
 * Adding is idempotent ({@code $addToSet}): a replay or a redelivery adds nothing twice. A member id left behind by
 * a crash between writing a document and indexing it (or the other way round) is harmless: a lookup of a missing id
 * finds nothing, and the replay that follows the crash indexes the document.
 */
public final class OwnerIndex {

    static final String IDS = "ids";

    /** Marks an index filled from the documents stored before it existed; a number never equals an owner id. */
    private static final long BUILT_MARKER = 0L;

    private final MongoCollection<Document> index;

    public OwnerIndex(MongoCollection<Document> index) {
        this.index = index;
    }

    public void add(String owner, Object id) {
        add(owner, List.of(id));
    }

    public void add(String owner, Collection<?> ids) {
        if (!ids.isEmpty()) {
            add(Map.of(owner, ids));
        }
    }

    /**
     * Adds the ids of several owners in one round trip (e.g. everything a processor batch touched); see
     * {@link BulkUpserts} for two writers creating the same owner's document at once.
     */
    public void add(Map<String, ? extends Collection<?>> idsByOwner) {
        List<UpdateOneModel<Document>> updates = new ArrayList<>();
        idsByOwner.forEach((owner, ids) -> {
            if (!ids.isEmpty()) {
                updates.add(new UpdateOneModel<>(Filters.eq("_id", owner), Updates.addEachToSet(IDS, List.copyOf(ids)),
                                                 new UpdateOptions().upsert(true)));
            }
        });
        BulkUpserts.write(index, updates);
    }

    public void remove(String owner, Collection<?> ids) {
        if (!ids.isEmpty()) {
            index.updateOne(Filters.eq("_id", owner), Updates.pullAll(IDS, List.copyOf(ids)));
        }
    }

    /** The ids of the owner's documents, in the order they were first added. */
    public List<Object> ids(String owner) {
        Document doc = index.find(Filters.eq("_id", owner)).first();
        return doc == null ? List.of() : doc.getList(IDS, Object.class, List.of());
    }

    /** The ids of the documents of every owner given (one {@code $in} lookup). */
    public List<Object> ids(Collection<String> owners) {
        List<Object> ids = new ArrayList<>();
        if (!owners.isEmpty()) {
            index.find(Filters.in("_id", owners))
                 .forEach(doc -> ids.addAll(doc.getList(IDS, Object.class, List.of())));
        }
        return ids;
    }

    /** The owner's documents in {@code collection}, found by {@code _id} (see {@link ByIds}), in this order. */
    public List<Document> documentsOf(MongoCollection<Document> collection, String owner, Comparator<Document> order) {
        List<Document> found = ByIds.find(collection, ids(owner));
        found.sort(order);
        return found;
    }

    public void forget(String owner) {
        index.deleteOne(Filters.eq("_id", owner));
    }

    /** Forgets several owners in one round trip. */
    public void forget(Collection<String> owners) {
        if (!owners.isEmpty()) {
            index.deleteMany(Filters.in("_id", owners));
        }
    }

    public void clear() {
        index.deleteMany(new Document());
    }

    /**
     * Indexes the documents of {@code collection} stored before this index existed: one scan, on the first start
     * with the index (a marker remembers it was done; a crash half-way simply does it again, adding is idempotent).
     */
    public void buildOnceFrom(MongoCollection<Document> collection, Function<Document, String> ownerOf,
                              String... fields) {
        buildOnceFrom(collection, ownerOf, doc -> doc.get("_id"), fields);
    }

    /** As above, indexing {@code memberOf(document)} instead of the document's id (e.g. a month it falls in). */
    public void buildOnceFrom(MongoCollection<Document> collection, Function<Document, String> ownerOf,
                              Function<Document, Object> memberOf, String... fields) {
        if (index.find(Filters.eq("_id", BUILT_MARKER)).first() != null) {
            return;
        }
        Map<String, Set<Object>> byOwner = new LinkedHashMap<>();
        collection.find().projection(Projections.include(fields)).forEach(doc -> {
            String owner = ownerOf.apply(doc);
            if (owner != null) {
                byOwner.computeIfAbsent(owner, o -> new LinkedHashSet<>()).add(memberOf.apply(doc));
            }
        });
        byOwner.forEach(this::add);
        IdempotentWrites.insertOnce(index, new Document("_id", BUILT_MARKER));
    }
}
