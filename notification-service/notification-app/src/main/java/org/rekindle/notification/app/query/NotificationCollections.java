package org.rekindle.notification.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.rekindle.platform.readmodel.MonthlyOwnerIndex;
import org.rekindle.platform.readmodel.OwnerIndex;

/**
 * notification-service's own collections. {@code notifications} and {@code notification_deliveries} grow with
 * history, so a recipient's feed and a notification's delivery attempts are found through indexes of their ids
 * ({@link FeedIndexes}, {@code notification_deliveries_by_notification}) by {@code _id}: the embedded MongoDB-wire
 * server ignores non-unique indexes and would scan every notification of every recipient. The field indexes serve
 * the erasure's deletes and the data export on real MongoDB (see the canvas).
 */
public final class NotificationCollections {

    private final MongoDatabase db;

    /** A recipient's every notification id in one document, which grew with their history; replaced by the feed's. */
    private static final String RETIRED_BY_RECIPIENT = "notifications_by_recipient";

    public NotificationCollections(MongoDatabase db) {
        this.db = db;
        notifications().createIndex(Indexes.ascending("recipientId", "deliveredAt"));
        notifications().createIndex(Indexes.ascending("coachId", "raisedAt"));
        deliveries().createIndex(Indexes.ascending("notificationId"));
        // the retired index found again: written by an instance of an older version (a rolling upgrade), so the
        // feed is indexed again from the notifications, then it goes
        boolean retiredFound = db.listCollectionNames().into(new java.util.ArrayList<>()).contains(RETIRED_BY_RECIPIENT);
        feed().buildFrom(notifications(), retiredFound);
        if (retiredFound) {
            db.getCollection(RETIRED_BY_RECIPIENT).drop();
        }
        alertsByCoachAndClient().buildOnceFrom(notifications(), doc -> "ALERT".equals(doc.getString("kind"))
                ? NotificationStore.coachAndClient(doc.getString("recipientId"), doc.getString("clientId")) : null,
                                               "recipientId", "clientId", "kind");
        deliveriesByNotification().buildOnceFrom(deliveries(), doc -> doc.getString("notificationId"),
                                                 "notificationId");
    }

    FeedIndexes feed() {
        return new FeedIndexes(new MonthlyOwnerIndex(db.getCollection("notification_feed_by_month"),
                                                     db.getCollection("notification_feed_heads")));
    }

    OwnerIndex alertsByCoachAndClient() {
        return new OwnerIndex(db.getCollection("alerts_by_coach_and_client"));
    }

    MongoCollection<Document> savedRules() {
        return db.getCollection("notification_saved_rules");
    }

    OwnerIndex deliveriesByNotification() {
        return new OwnerIndex(db.getCollection("notification_deliveries_by_notification"));
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

    MongoCollection<Document> sessionCalendars() {
        return db.getCollection("session_calendars");
    }

    MongoCollection<Document> preferences() {
        return db.getCollection("notification_preferences");
    }
}
