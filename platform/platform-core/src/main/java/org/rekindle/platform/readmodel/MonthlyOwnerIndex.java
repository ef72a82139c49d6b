package org.rekindle.platform.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An owner's documents by month, for lists read newest first with a limit (a journal, a feed, a ledger): an owner's
 * ids in {@value #PARTS} documents per owner and UTC month ({@code buckets}: {@code _id} = owner + "|" + {@code
 * yyyy-MM} + "|" + part, {@code ids}; an id's part is fixed by its hash), and the owner's months in one document per
 * owner ({@code owners}: {@code _id} = owner, {@code ids} = months, twelve a year). Adding an id rewrites one part, an
 * eighth of the month: the MongoDB-wire server copies a document whole on each update, and one document per month
 * made each add cost as much as the month held (3.1 ms a journal write for the write bench's clients, 7 Dec 2026).
 * A month stored before the parts ({@code _id} = owner + "|" + {@code yyyy-MM}) is still read and removed from,
 * never added to. A page reads months newest first and stops once it is full, so its cost grows with what it shows,
 * never with the owner's history; an {@link OwnerIndex} keeps every id of an owner in one document, which a long
 * history makes large to rewrite and to read.
 * <p>
 * Each id goes into a month no earlier than the month of the time the list is sorted by ({@code at}; e.g. a shared
 * entry under the month it was shared, not written): after reading month M, every document whose time falls in M or
 * later has been read. An id may sit in more than one month (shared twice, delivered twice); readers see it once.
 * Adding is idempotent; an id whose document is gone or no longer matches is filtered out by the reader.
 */
public final class MonthlyOwnerIndex {

    /** An id of an owner's document, to be listed by {@code at}. */
    public record Member(String owner, Object id, Instant at) {
    }

    /** Marks an index filled from the documents stored before it existed; a number never equals an owner id. */
    private static final long BUILT_MARKER = 0L;

    /** Part documents per owner and month; part of the stored layout (another number would lose ids' parts). */
    static final int PARTS = 8;

    private final OwnerIndex buckets;
    private final MongoCollection<Document> owners;
    private final OwnerIndex months;

    public MonthlyOwnerIndex(MongoCollection<Document> buckets, MongoCollection<Document> owners) {
        this.buckets = new OwnerIndex(buckets);
        this.owners = owners;
        this.months = new OwnerIndex(owners);
    }

    /** The UTC month of a time, {@code yyyy-MM}: months sort as strings. */
    public static String month(Instant at) {
        return YearMonth.from(at.atOffset(ZoneOffset.UTC)).toString();
    }

    /** A month's document as stored before the parts: read and removed from, never added to. */
    private static String bucket(String owner, String month) {
        return owner + "|" + month;
    }

    private static String part(String owner, String month, int part) {
        return bucket(owner, month) + "|" + part;
    }

    private static String part(String owner, String month, Object id) {
        return part(owner, month, Math.floorMod(String.valueOf(id).hashCode(), PARTS));
    }

    /** Every document that may hold the month's ids: the one from before the parts, then the parts. */
    private static List<String> documentsOf(String owner, String month) {
        List<String> documents = new ArrayList<>(PARTS + 1);
        documents.add(bucket(owner, month));
        for (int part = 0; part < PARTS; part++) {
            documents.add(part(owner, month, part));
        }
        return documents;
    }

    public void add(Collection<Member> members) {
        add(members, Map.of());
    }

    /**
     * Adds the ids in two bulk writes (their months' documents, their owners' documents), whatever the number of
     * owners; {@code alsoOnOwner} are further updates of owners' documents made in the same write (an owner's other
     * fields, e.g. a feed's unread ids).
     */
    public void add(Collection<Member> members, Map<String, Bson> alsoOnOwner) {
        Map<String, Set<Object>> byBucket = new LinkedHashMap<>();
        Map<String, Set<String>> monthsByOwner = new LinkedHashMap<>();
        for (Member member : members) {
            if (member.owner() == null) {
                continue; // a document stored without its owner is listed nowhere
            }
            String month = month(member.at());
            byBucket.computeIfAbsent(part(member.owner(), month, member.id()), b -> new LinkedHashSet<>())
                    .add(member.id());
            monthsByOwner.computeIfAbsent(member.owner(), o -> new LinkedHashSet<>()).add(month);
        }
        buckets.add(byBucket);
        List<UpdateOneModel<Document>> updates = new ArrayList<>();
        Set<String> ownersChanged = new LinkedHashSet<>(monthsByOwner.keySet());
        ownersChanged.addAll(alsoOnOwner.keySet());
        for (String owner : ownersChanged) {
            List<Bson> changes = new ArrayList<>();
            if (monthsByOwner.containsKey(owner)) {
                changes.add(Updates.addEachToSet(OwnerIndex.IDS, List.copyOf(monthsByOwner.get(owner))));
            }
            if (alsoOnOwner.containsKey(owner)) {
                changes.add(alsoOnOwner.get(owner));
            }
            updates.add(new UpdateOneModel<>(Filters.eq("_id", owner), Updates.combine(changes),
                                             new UpdateOptions().upsert(true)));
        }
        BulkUpserts.write(owners, updates);
    }

    /** Takes ids out of the months they were added under (an erasure of some of an owner's documents). */
    public void remove(Collection<Member> members) {
        Map<String, List<Object>> byBucket = new LinkedHashMap<>();
        for (Member member : members) {
            String month = month(member.at());
            for (String bucket : List.of(part(member.owner(), month, member.id()), bucket(member.owner(), month))) {
                byBucket.computeIfAbsent(bucket, b -> new ArrayList<>()).add(member.id());
            }
        }
        byBucket.forEach(buckets::remove);
    }

    /** The owner's document ({@code _id} = owner) with only these fields, or null: for fields added with the ids. */
    public Document owner(String owner, String... fields) {
        return owners.find(Filters.eq("_id", owner)).projection(Projections.include(fields)).first();
    }

    /** Updates the owner's document (its other fields; its months stay). */
    public void updateOwner(String owner, Bson update) {
        owners.updateOne(Filters.eq("_id", owner), update);
    }

    /** The owner's months, newest first. */
    public List<String> monthsNewestFirst(String owner) {
        List<String> found = new ArrayList<>(months.ids(owner).stream().map(String::valueOf).toList());
        found.sort(Comparator.reverseOrder());
        return found;
    }

    /** The ids added under this month, each once, in no particular order. */
    public List<Object> idsIn(String owner, String month) {
        return buckets.ids(documentsOf(owner, month)).stream().distinct().toList();
    }

    /**
     * The owner's first {@code limit} documents in {@code order} (newest {@code at} first) among those {@code keep}
     * accepts, read a month at a time from the newest: it stops at the first month after which {@code limit} kept
     * documents are at or after that month's start (none older can come before them).
     */
    public List<Document> newestFirst(MongoCollection<Document> collection, String owner, Function<Document, Date> at,
                                      Comparator<Document> order, Predicate<Document> keep, int limit) {
        Set<Object> read = new java.util.HashSet<>();
        List<Document> kept = new ArrayList<>();
        for (String month : monthsNewestFirst(owner)) {
            for (Document doc : ByIds.find(collection, idsIn(owner, month))) {
                if (read.add(doc.get("_id")) && keep.test(doc)) {
                    kept.add(doc);
                }
            }
            Date monthStart = Date.from(YearMonth.parse(month).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            if (kept.stream().filter(doc -> at.apply(doc) != null && !at.apply(doc).before(monthStart)).count() >= limit) {
                break;
            }
        }
        kept.sort(order);
        return kept.stream().limit(limit).toList();
    }

    /** Every document of the owner (each once, in no particular order): an export. */
    public List<Document> all(MongoCollection<Document> collection, String owner) {
        Set<Object> ids = new LinkedHashSet<>();
        monthsNewestFirst(owner).forEach(month -> ids.addAll(idsIn(owner, month)));
        return ByIds.find(collection, ids);
    }

    /** The owner's months and ids go (their documents are not touched). */
    public void forget(String owner) {
        buckets.forget(monthsNewestFirst(owner).stream()
                                               .flatMap(month -> documentsOf(owner, month).stream()).toList());
        months.forget(owner);
    }

    public void clear() {
        buckets.clear();
        owners.deleteMany(new Document());
    }

    /**
     * Indexes the documents of {@code collection} stored before this index existed: one scan, on the first start
     * with the index (a marker remembers it was done; a crash half-way simply does it again, adding is idempotent).
     */
    public void buildOnceFrom(MongoCollection<Document> collection, Bson filter,
                              Function<Document, Collection<Member>> membersOf, String... fields) {
        if (!built()) {
            buildFrom(collection, filter, membersOf, fields);
        }
    }

    /** As above, whether or not it was done before (e.g. an older writer added to the index this one replaces). */
    public void buildFrom(MongoCollection<Document> collection, Bson filter,
                          Function<Document, Collection<Member>> membersOf, String... fields) {
        List<Member> members = new ArrayList<>();
        collection.find(filter).projection(Projections.include(fields)).forEach(doc -> members.addAll(membersOf.apply(doc)));
        add(members);
        markBuilt();
    }

    /** Whether {@link #markBuilt} was called: for an owner that builds with fields of its own. */
    public boolean built() {
        return owners.find(Filters.eq("_id", BUILT_MARKER)).first() != null;
    }

    public void markBuilt() {
        IdempotentWrites.insertOnce(owners, new Document("_id", BUILT_MARKER));
    }
}
