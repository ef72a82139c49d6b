package org.rekindle.notification.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.rekindle.platform.readmodel.MonthlyOwnerIndex;
import org.rekindle.platform.readmodel.MonthlyOwnerIndex.Member;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which notifications are in a recipient's feed, kept so that reading the feed costs what it shows, never the
 * recipient's whole history: the ids by the (UTC) month they were delivered into the feed ({@link MonthlyOwnerIndex}
 * on {@code notification_feed_by_month}), and per recipient in {@code notification_feed_heads} their months, the ids
 * not yet read ({@code unread}) and the alerts not yet acknowledged ({@code open}). The "unread" and "needs you" views
 * read those two, which shrink as the recipient reads and acknowledges.
 * <p>
 * Written before the notification is marked delivered, and adding is idempotent, so a crash in between leaves an id
 * whose notification is not (yet) in the feed; readers check the notification itself. An id left in {@code unread} or
 * {@code open} after its notification was read or acknowledged (a crash between the two writes) is filtered out by
 * readers the same way.
 */
final class FeedIndexes {

    static final String UNREAD = "unread";
    static final String OPEN = "open";

    private final MonthlyOwnerIndex byMonth;

    FeedIndexes(MonthlyOwnerIndex byMonth) {
        this.byMonth = byMonth;
    }

    /** The notification is delivered into the recipient's feed at {@code at}: unread, and open if an alert. */
    void delivered(String recipientId, String id, boolean alert, Instant at) {
        Bson unread = Updates.addToSet(UNREAD, id);
        byMonth.add(List.of(new Member(recipientId, id, at)),
                    Map.of(recipientId, alert ? Updates.combine(unread, Updates.addToSet(OPEN, id)) : unread));
    }

    void read(String recipientId, String id) {
        byMonth.updateOwner(recipientId, Updates.pull(UNREAD, id));
    }

    void acknowledged(String recipientId, String id) {
        byMonth.updateOwner(recipientId, Updates.pull(OPEN, id));
    }

    /** The first {@code limit} notifications {@code keep} accepts, newest delivered first. */
    List<Document> newestFirst(MongoCollection<Document> notifications, String recipientId, Comparator<Document> order,
                               Predicate<Document> keep, int limit) {
        return byMonth.newestFirst(notifications, recipientId, doc -> doc.getDate("deliveredAt"), order, keep, limit);
    }

    List<String> monthsNewestFirst(String recipientId) {
        return byMonth.monthsNewestFirst(recipientId);
    }

    List<Object> deliveredIn(String recipientId, String month) {
        return byMonth.idsIn(recipientId, month);
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
        Document head = byMonth.owner(recipientId, field);
        return head == null ? List.of() : head.getList(field, String.class, List.of());
    }

    /** Erasure: these notifications of the recipient, each delivered at its time, leave every index. */
    void remove(String recipientId, Map<String, Instant> deliveredAtById) {
        if (deliveredAtById.isEmpty()) {
            return;
        }
        byMonth.remove(deliveredAtById.entrySet().stream().map(e -> new Member(recipientId, e.getKey(), e.getValue()))
                                      .toList());
        List<String> ids = List.copyOf(deliveredAtById.keySet());
        byMonth.updateOwner(recipientId, Updates.combine(Updates.pullAll(UNREAD, ids), Updates.pullAll(OPEN, ids)));
    }

    /** Erasure of a recipient: their feed's indexes go. */
    void forget(String recipientId) {
        byMonth.forget(recipientId);
    }

    /**
     * Indexes the notifications delivered into feeds before these indexes existed: one scan, on the first start with
     * them (a marker remembers it was done; a crash half-way simply does it again, adding is idempotent).
     */
    void buildOnceFrom(MongoCollection<Document> notifications) {
        if (byMonth.built()) {
            return;
        }
        List<Member> members = new ArrayList<>();
        Map<String, List<String>> unread = new LinkedHashMap<>();
        Map<String, List<String>> open = new LinkedHashMap<>();
        notifications.find(Filters.eq("inFeed", true))
                     .projection(Projections.include("recipientId", "kind", "deliveredAt", "readAt", "acknowledgedAt"))
                     .forEach(doc -> {
                         String recipientId = doc.getString("recipientId");
                         if (recipientId == null || doc.getDate("deliveredAt") == null) {
                             return;
                         }
                         String id = doc.getString("_id");
                         members.add(new Member(recipientId, id, doc.getDate("deliveredAt").toInstant()));
                         unread.computeIfAbsent(recipientId, r -> new ArrayList<>());
                         open.computeIfAbsent(recipientId, r -> new ArrayList<>());
                         if (doc.get("readAt") == null) {
                             unread.get(recipientId).add(id);
                         }
                         if ("ALERT".equals(doc.getString("kind")) && doc.get("acknowledgedAt") == null) {
                             open.get(recipientId).add(id);
                         }
                     });
        Map<String, Bson> heads = new LinkedHashMap<>();
        unread.forEach((recipientId, ids) -> heads.put(recipientId, Updates.combine(
                Updates.addEachToSet(UNREAD, ids), Updates.addEachToSet(OPEN, open.get(recipientId)))));
        byMonth.add(members, heads);
        byMonth.markBuilt();
    }
}
