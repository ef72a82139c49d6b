package org.rekindle.notification.app.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.rekindle.notification.app.command.Notice;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every notification once: its id is derived from the rule and cause ({@link Notice#key()}), so a second raise of
 * the same firing finds it there. The feed shows a recipient's delivered notifications, newest first.
 */
@Component
public class NotificationStore {

    private final MongoCollection<Document> notifications;

    NotificationStore(NotificationCollections collections) {
        this.notifications = collections.notifications();
    }

    public static String idOf(Notice notice) {
        return UUID.nameUUIDFromBytes(notice.key().getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Stores the notice unless it is there already; returns whether it is new. */
    public boolean insertOnce(Notice notice, String coachId, Instant deliverAt) {
        List<Document> causes = notice.causes().stream().map(c -> new Document("eventId", c.eventId())
                .append("type", c.type()).append("at", Date.from(c.at())).append("detail", c.detail())).toList();
        try {
            notifications.insertOne(new Document("_id", idOf(notice)).append("key", notice.key())
                    .append("recipientId", notice.recipientId()).append("clientId", notice.clientId())
                    .append("coachId", coachId).append("rule", notice.rule().name())
                    .append("kind", notice.rule().isReminder() ? "REMINDER" : "ALERT")
                    .append("title", notice.title()).append("body", notice.body()).append("why", notice.rule().why())
                    .append("causes", causes).append("raisedAt", Date.from(notice.raisedAt()))
                    .append("deliverAt", Date.from(deliverAt)));
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Deletes every notification about the client (alerts to their coach, reminders to them); returns the ids. */
    public List<String> deleteAbout(String clientId) {
        List<String> ids = notifications.find(Filters.eq("clientId", clientId)).map(doc -> doc.getString("_id"))
                                        .into(new ArrayList<>());
        notifications.deleteMany(Filters.eq("clientId", clientId));
        return ids;
    }

    public Optional<NotificationView> find(String id) {
        return Optional.ofNullable(notifications.find(Filters.eq("_id", id)).first()).map(NotificationStore::view);
    }

    public boolean isDelivered(String id) {
        Document doc = notifications.find(Filters.eq("_id", id)).first();
        return doc != null && doc.get("deliveredAt") != null;
    }

    public boolean isEmailed(String id) {
        Document doc = notifications.find(Filters.eq("_id", id)).first();
        return doc != null && doc.get("emailedAt") != null;
    }

    public void markDelivered(String id, boolean inFeed, Instant at) {
        notifications.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("deliveredAt", null)),
                                Updates.combine(Updates.set("deliveredAt", Date.from(at)),
                                                Updates.set("inFeed", inFeed)));
    }

    public void markEmailed(String id, Instant at) {
        notifications.updateOne(Filters.eq("_id", id), Updates.set("emailedAt", Date.from(at)));
    }

    /** Marks it read if it belongs to the recipient; false if there is no such notification of theirs. */
    public boolean markRead(String recipientId, String id, Instant at) {
        Document doc = notifications.find(Filters.and(Filters.eq("_id", id), Filters.eq("recipientId", recipientId),
                                                      Filters.eq("inFeed", true))).first();
        if (doc == null) {
            return false;
        }
        if (doc.get("readAt") == null) {
            notifications.updateOne(Filters.eq("_id", id), Updates.set("readAt", Date.from(at)));
        }
        return true;
    }

    public List<NotificationView> feed(String recipientId, boolean unreadOnly, int limit) {
        List<org.bson.conversions.Bson> filters = new ArrayList<>(List.of(Filters.eq("recipientId", recipientId),
                                                                          Filters.eq("inFeed", true)));
        if (unreadOnly) {
            filters.add(Filters.eq("readAt", null));
        }
        return notifications.find(Filters.and(filters)).sort(Sorts.descending("deliveredAt", "_id")).limit(limit)
                            .map(NotificationStore::view).into(new ArrayList<>());
    }

    /** Everything raised for the recipient (in the feed or not, delivered or still waiting), newest first. */
    public List<NotificationView> allFor(String recipientId) {
        return notifications.find(Filters.eq("recipientId", recipientId)).sort(Sorts.descending("raisedAt", "_id"))
                            .map(NotificationStore::view).into(new ArrayList<>());
    }

    private static NotificationView view(Document doc) {
        List<NotificationView.CauseView> causes = doc.getList("causes", Document.class, List.of()).stream()
                .map(c -> new NotificationView.CauseView(c.getString("eventId"), c.getString("type"),
                                                         instant(c.getDate("at")), c.getString("detail"))).toList();
        return new NotificationView(doc.getString("_id"), doc.getString("recipientId"), doc.getString("clientId"),
                                    doc.getString("rule"), doc.getString("kind"), doc.getString("title"),
                                    doc.getString("body"), doc.getString("why"), causes,
                                    instant(doc.getDate("raisedAt")), instant(doc.getDate("deliveredAt")),
                                    instant(doc.getDate("readAt")));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
