package org.rekindle.notification.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.rekindle.notification.app.command.Channel;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Every delivery attempt of every notification: queued, sent, failed with the reason, skipped with the reason.
 * Ids are ObjectIds, so the log reads in the order it was written.
 */
@Component
public class DeliveryLog {

    public enum State { QUEUED, SENT, FAILED, GAVE_UP, SKIPPED }

    public record Attempt(String notificationId, String channel, String state, int attempt, String reason,
                          Instant at) {
    }

    private final MongoCollection<Document> deliveries;

    DeliveryLog(NotificationCollections collections) {
        this.deliveries = collections.deliveries();
    }

    public void record(String notificationId, Channel channel, State state, int attempt, String reason, Instant at) {
        deliveries.insertOne(new Document("_id", new ObjectId()).append("notificationId", notificationId)
                .append("channel", channel.name()).append("state", state.name()).append("attempt", attempt)
                .append("reason", reason).append("at", Date.from(at)));
    }

    public void deleteFor(List<String> notificationIds) {
        deliveries.deleteMany(Filters.in("notificationId", notificationIds));
    }

    public List<Attempt> of(String notificationId) {
        return deliveries.find(Filters.eq("notificationId", notificationId)).sort(Sorts.ascending("_id"))
                         .map(d -> new Attempt(notificationId, d.getString("channel"), d.getString("state"),
                                               d.getInteger("attempt"), d.getString("reason"),
                                               d.getDate("at").toInstant())).into(new ArrayList<>());
    }
}
