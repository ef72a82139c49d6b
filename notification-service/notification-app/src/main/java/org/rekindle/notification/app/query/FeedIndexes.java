package org.rekindle.notification.app.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.rekindle.platform.readmodel.OwnerIndex;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which notifications are in a recipient's feed, kept so that reading the feed costs what it shows, never the
 * recipient's whole history:
 * <ul>
 * <li>{@code notification_feed_by_month}: {@code recipient|yyyy-MM} → the ids delivered into the feed that (UTC) month.
 * The feed is newest delivered first, so it reads months newest first and stops once it has enough.</li>
 * <li>{@code notification_feed_heads}: one document per recipient with the months that have deliveries ({@code
 * months}, 12 a year), the ids not yet read ({@code unread}) and the alerts not yet acknowledged ({@code open}): the
 * "unread" and "needs you" views read those, which shrink as the recipient reads and acknowledges.</li>
 * </ul>
 * Both are written before the notification is marked delivered, and adding is idempotent, so a crash in between
 * leaves an id whose notification is not (yet) in the feed; readers check the notification itself. An id left in
 * {@code unread} or {@code open} after its notification was read or acknowledged (a crash between the two writes) is
 * likewise filtered out by readers.
 */
final class FeedIndexes {

    static final String MONTHS = "months";
    static final String UNREAD = "unread";
    static final String OPEN = "open";

    /** Marks indexes filled from the notifications delivered before they existed; a number never equals a user id. */
    private static final long BUILT_MARKER = 0L;

    private final OwnerIndex byMonth;
    private final MongoCollection<Document> heads;

    FeedIndexes(OwnerIndex byMonth, MongoCollection<Document> heads) {
        this.byMonth = byMonth;
        this.heads = heads;
    }

    /** The UTC month of a delivery, {@code yyyy-MM}: months sort as strings. */
    static String month(Instant at) {
        return YearMonth.from(at.atOffset(ZoneOffset.UTC)).toString();
    }

    private static String bucket(String recipientId, String month) {
        return recipientId + "|" + month;
    }

    /** The notification is delivered into the recipient's feed at {@code at}: unread, and open if an alert. */
    void delivered(String recipientId, String id, boolean alert, Instant at) {
        String month = month(at);
        byMonth.add(bucket(recipientId, month), id);
        List<org.bson.conversions.Bson> adds = new ArrayList<>(List.of(Updates.addToSet(MONTHS, month),
                                                                       Updates.addToSet(UNREAD, id)));
        if (alert) {
            adds.add(Updates.addToSet(OPEN, id));
        }
        heads.updateOne(Filters.eq("_id", recipientId), Updates.combine(adds), new UpdateOptions().upsert(true));
    }

    void read(String recipientId, String id) {
        heads.updateOne(Filters.eq("_id", recipientId), Updates.pull(UNREAD, id));
    }

    void acknowledged(String recipientId, String id) {
        heads.updateOne(Filters.eq("_id", recipientId), Updates.pull(OPEN, id));
    }

    /** The months with deliveries into the recipient's feed, newest first. */
    List<String> monthsNewestFirst(String recipientId) {
        List<String> months = new ArrayList<>(idsIn(recipientId, MONTHS));
        months.sort(Comparator.reverseOrder());
        return months;
    }

    List<Object> deliveredIn(String recipientId, String month) {
        return byMonth.ids(bucket(recipientId, month));
    }

    /** The ids the recipient has not read; may hold ids already read (see above). */
    List<String> unread(String recipientId) {
        return idsIn(recipientId, UNREAD);
    }

    /** The alerts the recipient has not acknowledged; may hold ids already acknowledged (see above). */
    List<String> open(String recipientId) {
        return idsIn(recipientId, OPEN);
    }

    private List<String> idsIn(String recipientId, String field) {
        Document head = heads.find(Filters.eq("_id", recipientId)).projection(Projections.include(field)).first();
        return head == null ? List.of() : head.getList(field, String.class, List.of());
    }

    /** Erasure: these notifications of the recipient, each delivered at its time, leave every index. */
    void remove(String recipientId, Map<String, Instant> deliveredAtById) {
        Map<String, List<String>> byBucket = new LinkedHashMap<>();
        deliveredAtById.forEach((id, at) -> byBucket.computeIfAbsent(bucket(recipientId, month(at)),
                                                                     b -> new ArrayList<>()).add(id));
        byBucket.forEach(byMonth::remove);
        if (!deliveredAtById.isEmpty()) {
            List<String> ids = List.copyOf(deliveredAtById.keySet());
            heads.updateOne(Filters.eq("_id", recipientId), Updates.combine(Updates.pullAll(UNREAD, ids),
                                                                            Updates.pullAll(OPEN, ids)));
        }
    }

    /** Erasure of a recipient: their feed's indexes go. */
    void forget(String recipientId) {
        idsIn(recipientId, MONTHS).forEach(month -> byMonth.forget(bucket(recipientId, month)));
        heads.deleteOne(Filters.eq("_id", recipientId));
    }

    /**
     * Indexes the notifications delivered into feeds before these indexes existed: one scan, on the first start with
     * them (a marker remembers it was done; a crash half-way simply does it again, adding is idempotent).
     */
    void buildOnceFrom(MongoCollection<Document> notifications) {
        if (heads.find(Filters.eq("_id", BUILT_MARKER)).first() != null) {
            return;
        }
        Map<String, Set<Object>> buckets = new LinkedHashMap<>();
        Map<String, Head> headOf = new LinkedHashMap<>();
        notifications.find(Filters.eq("inFeed", true))
                     .projection(Projections.include("recipientId", "kind", "deliveredAt", "readAt", "acknowledgedAt"))
                     .forEach(doc -> {
                         String recipientId = doc.getString("recipientId");
                         if (recipientId == null || doc.getDate("deliveredAt") == null) {
                             return;
                         }
                         String id = doc.getString("_id");
                         String month = month(doc.getDate("deliveredAt").toInstant());
                         buckets.computeIfAbsent(bucket(recipientId, month), b -> new LinkedHashSet<>()).add(id);
                         Head head = headOf.computeIfAbsent(recipientId, r -> new Head());
                         head.months.add(month);
                         if (doc.get("readAt") == null) {
                             head.unread.add(id);
                         }
                         if ("ALERT".equals(doc.getString("kind")) && doc.get("acknowledgedAt") == null) {
                             head.open.add(id);
                         }
                     });
        byMonth.add(buckets);
        headOf.forEach((recipientId, head) -> heads.updateOne(Filters.eq("_id", recipientId), Updates.combine(
                Updates.addEachToSet(MONTHS, List.copyOf(head.months)),
                Updates.addEachToSet(UNREAD, List.copyOf(head.unread)),
                Updates.addEachToSet(OPEN, List.copyOf(head.open))), new UpdateOptions().upsert(true)));
        try {
            heads.insertOne(new Document("_id", BUILT_MARKER));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** A recipient's head document as the first build collects it. */
    private static final class Head {
        final Set<String> months = new LinkedHashSet<>();
        final Set<String> unread = new LinkedHashSet<>();
        final Set<String> open = new LinkedHashSet<>();
    }
}
