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

    public void record(String notificationId, Channel channel, State state, int attempt, String reason, Instant at) {
        ObjectId id = new ObjectId();
        byNotification.add(notificationId, id);
        deliveries.insertOne(new Document("_id", id).append("notificationId", notificationId)
                .append("channel", channel.name()).append("state", state.name()).append("attempt", attempt)
                .append("reason", reason).append("at", Date.from(at)));
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
