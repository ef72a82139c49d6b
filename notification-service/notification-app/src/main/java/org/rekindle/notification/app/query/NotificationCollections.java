package org.rekindle.notification.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

/**
 * notification-service's own collections. The indexes serve real MongoDB; the embedded MongoDB-wire server ignores
 * non-unique ones and scans (feeds and delivery logs stay small per recipient; see the canvas).
 */
public final class NotificationCollections {

    private final MongoDatabase db;

    public NotificationCollections(MongoDatabase db) {
        this.db = db;
        notifications().createIndex(Indexes.ascending("recipientId", "deliveredAt"));
        notifications().createIndex(Indexes.ascending("coachId", "raisedAt"));
        deliveries().createIndex(Indexes.ascending("notificationId"));
    }

    MongoCollection<Document> clients() {
        return db.getCollection("notification_clients");
    }

    MongoCollection<Document> notifications() {
        return db.getCollection("notifications");
    }

    MongoCollection<Document> deliveries() {
        return db.getCollection("notification_deliveries");
    }

    MongoCollection<Document> preferences() {
        return db.getCollection("notification_preferences");
    }
}
