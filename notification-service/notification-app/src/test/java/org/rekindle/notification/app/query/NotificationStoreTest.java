package org.rekindle.notification.app.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.rekindle.notification.app.rules.Channel;
import org.rekindle.notification.app.rules.Notice;
import org.rekindle.notification.app.rules.Rule;
import org.rekindle.platform.embedded.SharedTestInfrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** Feeds, exports and delivery logs read by id through their indexes, on the MongoDB-wire server. */
class NotificationStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    private static final MongoClient client = SharedTestInfrastructure.mongoClient();

    private static Notice notice(String key, String recipientId, String clientId, Instant raisedAt) {
        return new Notice(key, Rule.BREACH_BY_CLIENT, recipientId, clientId, "title " + key, "body", List.of(),
                          raisedAt);
    }

    @Test
    void aFeedHoldsOnlyTheRecipientsDeliveredNotificationsNewestFirst() {
        NotificationCollections collections = new NotificationCollections(freshDatabase());
        NotificationStore store = new NotificationStore(collections, java.time.Clock.systemUTC());
        Notice first = notice("n1", "coach-1", "client-1", T0);
        Notice second = notice("n2", "coach-1", "client-2", T0.plusSeconds(60));
        Notice skipped = notice("n3", "coach-1", "client-1", T0.plusSeconds(120));
        Notice someoneElses = notice("n4", "coach-2", "client-3", T0);
        for (Notice notice : List.of(first, second, skipped, someoneElses)) {
            assertThat(store.insertOnce(notice, notice.recipientId(), notice.raisedAt())).isTrue();
        }
        assertThat(store.insertOnce(first, "coach-1", T0)).as("a second raise of the same firing").isFalse();
        assertThat(store.load(NotificationStore.idOf(first))).hasValueSatisfying(n -> assertThat(n.delivered()).isFalse());
        store.markDelivered(NotificationStore.idOf(first), true, "coach-1@example.org", T0.plusSeconds(1));
        store.markDelivered(NotificationStore.idOf(second), true, null, T0.plusSeconds(61));
        store.markDelivered(NotificationStore.idOf(second), true, null, T0.plusSeconds(999));
        store.markDelivered(NotificationStore.idOf(skipped), false, null, T0.plusSeconds(121));
        store.markDelivered(NotificationStore.idOf(someoneElses), true, null, T0.plusSeconds(1));
        assertThat(store.load(NotificationStore.idOf(first))).hasValueSatisfying(n -> {
            assertThat(n.delivered()).isTrue();
            assertThat(n.emailTo()).as("where its email goes, kept with the mark").isEqualTo("coach-1@example.org");
            assertThat(n.emailed()).isFalse();
        });
        store.markEmailed(NotificationStore.idOf(first), T0.plusSeconds(2));
        assertThat(store.load(NotificationStore.idOf(first))).hasValueSatisfying(n -> assertThat(n.emailed()).isTrue());

        assertThat(store.feed("coach-1", false, 50, UnaryOperator.identity())).extracting(NotificationView::title)
                                                    .containsExactly("title n2", "title n1");
        assertThat(store.feed("coach-1", false, 50, UnaryOperator.identity()).get(0).deliveredAt()).isEqualTo(T0.plusSeconds(61));
        assertThat(store.feed("coach-1", false, 1, UnaryOperator.identity())).extracting(NotificationView::title).containsExactly("title n2");
        assertThat(store.markRead("coach-2", NotificationStore.idOf(second), T0)).as("not theirs").isFalse();
        assertThat(store.markRead("coach-1", NotificationStore.idOf(skipped), T0)).as("not in the feed").isFalse();
        assertThat(store.markRead("coach-1", NotificationStore.idOf(second), T0.plusSeconds(70))).isTrue();
        assertThat(store.feed("coach-1", true, 50, UnaryOperator.identity())).extracting(NotificationView::title).containsExactly("title n1");
        assertThat(store.allFor("coach-1", UnaryOperator.identity())).extracting(NotificationView::title)
                                           .containsExactly("title n3", "title n2", "title n1");

        assertThat(store.deleteAbout("client-1")).containsExactlyInAnyOrder(NotificationStore.idOf(first),
                                                                           NotificationStore.idOf(skipped));
        assertThat(store.allFor("coach-1", UnaryOperator.identity())).extracting(NotificationView::title).containsExactly("title n2");
        assertThat(collections.notificationsByRecipient().ids("coach-1"))
                .containsExactly(NotificationStore.idOf(second));
    }

    @Test
    void aDeliveryLogReadsInTheOrderItWasWrittenAndGoesWithErasure() {
        DeliveryLog log = new DeliveryLog(new NotificationCollections(freshDatabase()));
        log.record("n1", List.of(new DeliveryLog.Entry(Channel.FEED, DeliveryLog.State.SENT, 1, null),
                                 new DeliveryLog.Entry(Channel.EMAIL, DeliveryLog.State.QUEUED, 0, null)), T0);
        log.record("n2", Channel.EMAIL, DeliveryLog.State.QUEUED, 0, null, T0);
        log.record("n1", Channel.EMAIL, DeliveryLog.State.FAILED, 1, "smtp down", T0.plusSeconds(5));
        log.record("n1", Channel.EMAIL, DeliveryLog.State.SENT, 2, null, T0.plusSeconds(65));

        assertThat(log.of("n1")).extracting(DeliveryLog.Attempt::state)
                                .containsExactly("SENT", "QUEUED", "FAILED", "SENT");
        assertThat(log.of("n2")).extracting(DeliveryLog.Attempt::channel).containsExactly("EMAIL");
        log.deleteFor(List.of("n1"));
        assertThat(log.of("n1")).isEmpty();
        assertThat(log.of("n2")).hasSize(1);
    }

    @Test
    void notificationsAndAttemptsStoredBeforeTheirIndexesExistedAreIndexedOnStart() {
        MongoDatabase db = freshDatabase();
        db.getCollection("notifications").insertOne(new Document("_id", "old-1").append("recipientId", "coach-1")
                .append("clientId", "client-1").append("rule", "BREACH_BY_CLIENT").append("kind", "ALERT")
                .append("title", "old").append("raisedAt", Date.from(T0)).append("deliverAt", Date.from(T0))
                .append("deliveredAt", Date.from(T0.plus(Duration.ofMinutes(1)))).append("inFeed", true));
        db.getCollection("notification_deliveries").insertOne(new Document("notificationId", "old-1")
                .append("channel", "FEED").append("state", "SENT").append("attempt", 1).append("at", Date.from(T0)));
        NotificationCollections collections = new NotificationCollections(db);

        assertThat(new NotificationStore(collections, java.time.Clock.systemUTC()).feed("coach-1", false, 50, UnaryOperator.identity())).extracting(NotificationView::title)
                                                                                .containsExactly("old");
        assertThat(new DeliveryLog(collections).of("old-1")).extracting(DeliveryLog.Attempt::state)
                                                            .containsExactly("SENT");
    }

    private static MongoDatabase freshDatabase() {
        return client.getDatabase("notification-" + UUID.randomUUID());
    }
}
