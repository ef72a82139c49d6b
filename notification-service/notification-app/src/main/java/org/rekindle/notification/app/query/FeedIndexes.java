package org.rekindle.notification.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
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
 * not yet read ({@code unread}) and the alerts not yet acknowledged ({@code open}), the newest {@value #KEPT_PER_SET}
 * of each. The "unread" and "needs you" views read those two, which shrink as the recipient reads and acknowledges.
 * <p>
 * Written before the notification is marked delivered, and adding is idempotent, so a crash in between leaves an id
 * whose notification is not (yet) in the feed; readers check the notification itself. An id left in {@code unread} or
 * {@code open} after its notification was read or acknowledged (a crash between the two writes) is filtered out by
 * readers the same way.
 */
final class FeedIndexes {

    static final String UNREAD = "unread";
    static final String OPEN = "open";
    /** Ids kept in {@code unread} and in {@code open}: the newest. */
    static final int KEPT_PER_SET = 500;

    private final MonthlyOwnerIndex byMonth;

    FeedIndexes(MonthlyOwnerIndex byMonth) {
        this.byMonth = byMonth;
    }

    /**
     * The notification is delivered into the recipient's feed at {@code at}: unread, and open if an alert. Each set
     * keeps the newest {@value #KEPT_PER_SET} ids, so a recipient who never reads nor acknowledges does not grow a
     * document without end: the views read from them show pages of at most 200, newest first.
     */
    void delivered(String recipientId, String id, boolean alert, Instant at) {
        Bson unread = newest(UNREAD, id);
        byMonth.add(List.of(new Member(recipientId, id, at)),
                    Map.of(recipientId, alert ? Updates.combine(unread, newest(OPEN, id)) : unread));
    }

    /** Appends the id and keeps the newest ids only; a redelivery may append it twice, readers see it once. */
    private static Bson newest(String field, String id) {
        return Updates.pushEach(field, List.of(id), new PushOptions().slice(-KEPT_PER_SET));
    }

    /** As above for several, appended in the order they were delivered. */
    private static Bson newestOf(String field, List<Member> delivered) {
        List<Object> ids = delivered.stream().sorted(Comparator.comparing(Member::at)).map(Member::id).toList();
        return Updates.pushEach(field, ids, new PushOptions().slice(-KEPT_PER_SET));
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
        return head == null ? List.of() : head.getList(field, String.class, List.of()).stream().distinct().toList();
    }

    /**
     * Erasure: these notifications of the recipient leave every index; each is taken out of the month it was
     * delivered in (null: not delivered, in no month; an id a crash left in a month before marking stays there,
     * opaque, and readers find no notification for it).
     */
    void remove(String recipientId, Map<String, Instant> deliveredAtById) {
        if (deliveredAtById.isEmpty()) {
            return;
        }
        byMonth.remove(deliveredAtById.entrySet().stream().filter(e -> e.getValue() != null)
                                      .map(e -> new Member(recipientId, e.getKey(), e.getValue())).toList());
        List<String> ids = List.copyOf(deliveredAtById.keySet());
        byMonth.updateOwner(recipientId, Updates.combine(Updates.pullAll(UNREAD, ids), Updates.pullAll(OPEN, ids)));
    }

    /** Erasure of a recipient: their feed's indexes go. */
    void forget(String recipientId) {
        byMonth.forget(recipientId);
    }

    /**
     * Indexes the notifications delivered into feeds before these indexes existed: one scan, on the first start with
     * them (a marker remembers it was done; a crash half-way simply does it again, adding is idempotent), or again
     * when {@code again} (an instance of an older version wrote to the index this one replaces).
     */
    void buildFrom(MongoCollection<Document> notifications, boolean again) {
        if (byMonth.built() && !again) {
            return;
        }
        List<Member> members = new ArrayList<>();
        Map<String, List<Member>> unread = new LinkedHashMap<>();
        Map<String, List<Member>> open = new LinkedHashMap<>();
        notifications.find(Filters.eq("inFeed", true))
                     .projection(Projections.include("recipientId", "kind", "deliveredAt", "readAt", "acknowledgedAt"))
                     .forEach(doc -> {
                         String recipientId = doc.getString("recipientId");
                         if (recipientId == null || doc.getDate("deliveredAt") == null) {
                             return;
                         }
                         Member member = new Member(recipientId, doc.getString("_id"), doc.getDate("deliveredAt").toInstant());
                         members.add(member);
                         unread.computeIfAbsent(recipientId, r -> new ArrayList<>());
                         open.computeIfAbsent(recipientId, r -> new ArrayList<>());
                         if (doc.get("readAt") == null) {
                             unread.get(recipientId).add(member);
                         }
                         if ("ALERT".equals(doc.getString("kind")) && doc.get("acknowledgedAt") == null) {
                             open.get(recipientId).add(member);
                         }
                     });
        Map<String, Bson> heads = new LinkedHashMap<>();
        unread.forEach((recipientId, ids) -> heads.put(recipientId, Updates.combine(
                newestOf(UNREAD, ids), newestOf(OPEN, open.get(recipientId)))));
        byMonth.add(members, heads);
        byMonth.markBuilt();
    }
}
