package org.rekindle.platform.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link IdempotentWrites#applyOnce} for many changes to one collection at a time: the positions of every document
 * they touch are read in one lookup by {@code _id}, and the changes newer than them are written in one ordered bulk
 * write (ordered, because two changes to the same document, e.g. a draft and its revision, must apply in turn). The
 * result is the one the changes applied one by one give; a redelivered or older change writes nothing.
 * <p>
 * As with {@code applyOnce}, one writer per document is assumed (a processor segment). Not thread-safe: one batch.
 */
public final class ApplyOnceBatch {

    private record Change(String id, long position, Bson update) {
    }

    private final MongoCollection<Document> collection;
    private final List<Change> changes = new ArrayList<>();

    public ApplyOnceBatch(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** Applies {@code update} to document {@code id} (creating it) at {@link #write()}, unless it is not newer. */
    public void applyOnce(String id, long position, Bson update) {
        changes.add(new Change(id, position, update));
    }

    /** Writes the changes held (at most two round trips) and forgets them; returns how many were newer. */
    public int write() {
        if (changes.isEmpty()) {
            return 0;
        }
        Map<String, Long> applied = appliedPositions();
        List<UpdateOneModel<Document>> writes = new ArrayList<>();
        for (Change change : changes) {
            Long at = applied.get(change.id());
            if (at == null || at < change.position()) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", change.id()),
                                                IdempotentWrites.positioned(change.update(), change.position()),
                                                new UpdateOptions().upsert(true)));
                applied.put(change.id(), change.position());
            }
        }
        changes.clear();
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        }
        return writes.size();
    }

    /** The position of each existing document ({@link IdempotentWrites#appliedPosition}). */
    private Map<String, Long> appliedPositions() {
        Set<String> ids = new LinkedHashSet<>();
        changes.forEach(change -> ids.add(change.id()));
        Map<String, Long> applied = new HashMap<>();
        for (Document doc : ByIds.find(collection, ids, Projections.include(IdempotentWrites.POSITION))) {
            applied.put(doc.getString("_id"), IdempotentWrites.appliedPosition(doc));
        }
        return applied;
    }
}
