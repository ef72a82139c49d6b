package org.rekindle.notification.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.rekindle.notification.app.rules.Channel;
import org.rekindle.platform.readmodel.DocumentOrder;
import org.rekindle.platform.readmodel.OwnerIndex;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Every delivery attempt of every notification: queued, sent, failed with the reason, skipped with the reason.
 * Ids are ObjectIds, so the log reads in the order it was written. A notification's attempts are found through
 * {@code notification_deliveries_by_notification} (their ids, indexed before each attempt is written).
 */
@Component
public class DeliveryLog {

    public enum State { QUEUED, SENT, FAILED, GAVE_UP, SKIPPED }

    public record Attempt(String notificationId, String channel, String state, int attempt, String reason,
                          Instant at) {
    }

    private final MongoCollection<Document> deliveries;
    private final OwnerIndex byNotification;

    DeliveryLog(NotificationCollections collections) {
        this.deliveries = collections.deliveries();
        this.byNotification = collections.deliveriesByNotification();
    }

    /** One decision about one channel, to be written to the log. */
    public record Entry(Channel channel, State state, int attempt, String reason) {
    }

    public void record(String notificationId, Channel channel, State state, int attempt, String reason, Instant at) {
        record(notificationId, List.of(new Entry(channel, state, attempt, reason)), at);
    }

    /** Writes these attempts of one notification in the order given: one index write, then one insert for them all. */
    public void record(String notificationId, List<Entry> entries, Instant at) {
        List<Document> attempts = entries.stream().map(entry -> new Document("_id", new ObjectId())
                .append("notificationId", notificationId).append("channel", entry.channel().name())
                .append("state", entry.state().name()).append("attempt", entry.attempt())
                .append("reason", entry.reason()).append("at", Date.from(at))).toList();
        byNotification.add(notificationId, attempts.stream().map(doc -> doc.get("_id")).toList());
        deliveries.insertMany(attempts);
    }

    /** Erasure: by notification id, not the index, so every attempt goes (rare; the embedded server scans). */
    public void deleteFor(List<String> notificationIds) {
        deliveries.deleteMany(Filters.in("notificationId", notificationIds));
        notificationIds.forEach(byNotification::forget);
    }

    /** The notification's attempts in the order they were written, read by id through its index. */
    public List<Attempt> of(String notificationId) {
        return byNotification.documentsOf(deliveries, notificationId, DocumentOrder.ascending("_id")).stream()
                             .map(d -> new Attempt(notificationId, d.getString("channel"), d.getString("state"),
                                                   d.getInteger("attempt"), d.getString("reason"),
                                                   d.getDate("at").toInstant())).toList();
    }
}
