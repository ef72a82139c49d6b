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
        deliver(store, first, true, "coach-1@example.org", T0.plusSeconds(1));
        deliver(store, second, true, null, T0.plusSeconds(61));
        deliver(store, second, true, null, T0.plusSeconds(999));
        deliver(store, skipped, false, null, T0.plusSeconds(121));
        deliver(store, someoneElses, true, null, T0.plusSeconds(1));
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
        assertThat(collections.feed().deliveredIn("coach-1", "2026-11")).containsExactly(NotificationStore.idOf(second));
        assertThat(collections.feed().unread("coach-1")).isEmpty();
        assertThat(collections.feed().open("coach-1")).containsExactly(NotificationStore.idOf(second));
    }

    private static void deliver(NotificationStore store, Notice notice, boolean inFeed, String emailTo, Instant at) {
        store.markDelivered(store.find(NotificationStore.idOf(notice)).orElseThrow(), inFeed, emailTo, at);
    }

    /**
     * A feed reads months newest first and stops once it has enough: a recipient's years of history cost only what
     * the page shows. An unreadable notification in an old month proves the month is not read until it is needed.
     */
    @Test
    void aFeedReadsOnlyTheMonthsItShowsNewestDeliveredFirst() {
        MongoDatabase db = freshDatabase();
        NotificationCollections collections = new NotificationCollections(db);
        NotificationStore store = new NotificationStore(collections, java.time.Clock.systemUTC());
        Instant september = Instant.parse("2026-09-15T10:00:00Z");
        for (int i = 0; i < 3; i++) { // raised in September; one delivered only in November (quiet hours, a backlog)
            Notice notice = notice("sep" + i, "coach-1", "client-1", september.plusSeconds(i));
            store.insertOnce(notice, "coach-1", notice.raisedAt());
            deliver(store, notice, true, null, i == 2 ? Instant.parse("2026-11-01T00:00:05Z") : september.plusSeconds(60 + i));
        }
        for (int i = 0; i < 4; i++) {
            Notice notice = notice("nov" + i, "coach-1", "client-1", Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i));
            store.insertOnce(notice, "coach-1", notice.raisedAt());
            deliver(store, notice, true, null, notice.raisedAt().plusSeconds(10));
        }
        Notice unreadable = notice("aug", "coach-1", "client-1", Instant.parse("2026-08-01T00:00:00Z"));
        store.insertOnce(unreadable, "coach-1", unreadable.raisedAt());
        deliver(store, unreadable, true, null, unreadable.raisedAt());
        db.getCollection("notifications").updateOne(new Document("_id", NotificationStore.idOf(unreadable)),
                                                    new Document("$set", new Document("raisedAt", "not a date")));

        assertThat(store.feed("coach-1", false, 5, UnaryOperator.identity())).extracting(NotificationView::title)
                .containsExactly("title nov3", "title nov2", "title nov1", "title nov0", "title sep2");
        assertThat(store.feed("coach-1", false, 6, UnaryOperator.identity())).extracting(NotificationView::title)
                .containsExactly("title nov3", "title nov2", "title nov1", "title nov0", "title sep2", "title sep1");
        assertThat(collections.feed().monthsNewestFirst("coach-1")).containsExactly("2026-11", "2026-09", "2026-08");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.feed("coach-1", false, 50, UnaryOperator.identity()))
                .as("the August month is read once the page needs it").isInstanceOf(ClassCastException.class);
    }

    /** "Unread" and "needs you" read the ids not yet read or acknowledged, which shrink as the recipient acts. */
    @Test
    void unreadAndNeedsYouShrinkAsTheRecipientReadsAndAcknowledges() {
        NotificationCollections collections = new NotificationCollections(freshDatabase());
        NotificationStore store = new NotificationStore(collections, java.time.Clock.systemUTC());
        List<Notice> alerts = List.of(notice("a1", "coach-1", "client-1", T0), notice("a2", "coach-1", "client-1", T0.plusSeconds(5)),
                                      notice("a3", "coach-1", "client-2", T0.plusSeconds(9)));
        for (Notice alert : alerts) {
            store.insertOnce(alert, "coach-1", alert.raisedAt());
            deliver(store, alert, true, null, alert.raisedAt().plusSeconds(1));
        }
        String a1 = NotificationStore.idOf(alerts.get(0));
        String a2 = NotificationStore.idOf(alerts.get(1));
        store.markRead("coach-1", a1, T0.plusSeconds(60));
        store.acknowledge("coach-1", a2, T0.plusSeconds(60));

        assertThat(store.feed("coach-1", true, 50, UnaryOperator.identity())).extracting(NotificationView::title)
                .containsExactly("title a3", "title a2");
        assertThat(store.feed("coach-1", false, true, 50, UnaryOperator.identity())).extracting(NotificationView::title)
                .containsExactly("title a3", "title a1");
        assertThat(store.feed("coach-1", true, true, 50, UnaryOperator.identity())).extracting(NotificationView::title)
                .containsExactly("title a3");
        assertThat(collections.feed().unread("coach-1")).containsExactlyInAnyOrder(a2, NotificationStore.idOf(alerts.get(2)));
        assertThat(collections.feed().open("coach-1")).containsExactlyInAnyOrder(a1, NotificationStore.idOf(alerts.get(2)));

        store.deleteAbout("client-2");
        assertThat(collections.feed().unread("coach-1")).containsExactly(a2);
        assertThat(store.feed("coach-1", false, 50, UnaryOperator.identity())).extracting(NotificationView::title)
                .containsExactly("title a2", "title a1");
    }

    /**
     * A delivery that read its notification before the client's journal was erased, and marks it after: nothing of it
     * stays in any feed, whether the erasure had deleted it already or was only under way.
     */
    @Test
    void aDeliveryRunningWhileTheJournalIsErasedLeavesNothingInAnyFeed() {
        MongoDatabase db = freshDatabase();
        NotificationCollections collections = new NotificationCollections(db);
        NotificationStore store = new NotificationStore(collections, java.time.Clock.systemUTC());
        Notice alert = new Notice("alert", Rule.BREACH_BY_CLIENT, "coach-1", "client-1", "title", "body", List.of(), T0);
        Notice reminder = new Notice("reminder", Rule.BREACH_BY_CLIENT, "client-1", "client-1", "title", "body",
                                     List.of(), T0);
        Notice underWay = notice("underWay", "coach-2", "client-2", T0);
        for (Notice notice : List.of(alert, reminder, underWay)) {
            store.insertOnce(notice, notice.recipientId(), notice.raisedAt());
        }
        NotificationView alertAsRead = store.find(NotificationStore.idOf(alert)).orElseThrow();
        NotificationView reminderAsRead = store.find(NotificationStore.idOf(reminder)).orElseThrow();
        NotificationView underWayAsRead = store.find(NotificationStore.idOf(underWay)).orElseThrow();

        store.deleteAbout("client-1");
        assertThat(store.markDelivered(alertAsRead, true, null, T0.plusSeconds(1))).as("erased meanwhile").isFalse();
        assertThat(store.markDelivered(reminderAsRead, true, null, T0.plusSeconds(1))).isFalse();
        assertThat(store.markEmailed(NotificationStore.idOf(alert), T0.plusSeconds(2))).isFalse();
        // the erasure has marked the notification and not yet read it: the delivery sees the mark
        db.getCollection("notifications").updateOne(new Document("_id", NotificationStore.idOf(underWay)),
                                                    new Document("$set", new Document("erasing", true)));
        assertThat(store.markDelivered(underWayAsRead, true, null, T0.plusSeconds(1))).isFalse();

        for (String recipient : List.of("coach-1", "coach-2")) {
            assertThat(collections.feed().deliveredIn(recipient, "2026-11")).as(recipient).isEmpty();
            assertThat(collections.feed().unread(recipient)).as(recipient).isEmpty();
            assertThat(collections.feed().open(recipient)).as(recipient).isEmpty();
        }
        assertThat(collections.feed().monthsNewestFirst("client-1")).as("the erased client's own feed").isEmpty();
        assertThat(store.feed("coach-1", false, 50, UnaryOperator.identity())).isEmpty();
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
        db.getCollection("notifications_by_recipient").insertOne(new Document("_id", "coach-1").append("ids", List.of("old-1")));
        db.getCollection("notification_deliveries").insertOne(new Document("notificationId", "old-1")
                .append("channel", "FEED").append("state", "SENT").append("attempt", 1).append("at", Date.from(T0)));
        NotificationCollections collections = new NotificationCollections(db);

        assertThat(new NotificationStore(collections, java.time.Clock.systemUTC()).feed("coach-1", false, 50, UnaryOperator.identity())).extracting(NotificationView::title)
                                                                                .containsExactly("old");
        assertThat(new NotificationStore(collections, java.time.Clock.systemUTC()).feed("coach-1", true, true, 50,
                UnaryOperator.identity())).as("unread and not acknowledged").extracting(NotificationView::title)
                                          .containsExactly("old");
        assertThat(new DeliveryLog(collections).of("old-1")).extracting(DeliveryLog.Attempt::state)
                                                            .containsExactly("SENT");
        assertThat(db.listCollectionNames().into(new java.util.ArrayList<>()))
                .as("the index that grew with every recipient's history is gone").doesNotContain("notifications_by_recipient");
    }

    /** A recipient who never reads keeps the newest unread ids only; the "unread" view is still newest first. */
    @Test
    void unreadKeepsTheNewestIdsOfARecipientWhoNeverReads() {
        NotificationCollections collections = new NotificationCollections(freshDatabase());
        NotificationStore store = new NotificationStore(collections, java.time.Clock.systemUTC());
        int delivered = FeedIndexes.KEPT_PER_SET + 3;
        for (int i = 0; i < delivered; i++) {
            Notice notice = new Notice("r" + i, Rule.DAILY_CHECK_IN, "client-1", "client-1", "title r" + i, "body",
                                       List.of(), T0.plusSeconds(i));
            store.insertOnce(notice, "coach-1", notice.raisedAt());
            deliver(store, notice, true, null, notice.raisedAt());
        }
        assertThat(collections.feed().unread("client-1")).hasSize(FeedIndexes.KEPT_PER_SET)
                .doesNotContain(NotificationStore.idOf(new Notice("r0", Rule.DAILY_CHECK_IN, "client-1", "client-1",
                                                                  "", "", List.of(), T0)));
        assertThat(store.feed("client-1", true, 2, UnaryOperator.identity())).extracting(NotificationView::title)
                .containsExactly("title r" + (delivered - 1), "title r" + (delivered - 2));
        assertThat(store.feed("client-1", false, 200, UnaryOperator.identity())).hasSize(200);
    }

    /** An instance of the older version still writing during a rolling upgrade: what it delivered is indexed at the next start. */
    @Test
    void whatAnOlderInstanceDeliveredDuringAnUpgradeIsIndexedAtTheNextStart() {
        MongoDatabase db = freshDatabase();
        new NotificationCollections(db);
        db.getCollection("notifications").insertOne(new Document("_id", "by-old").append("recipientId", "coach-1")
                .append("clientId", "client-1").append("rule", "BREACH_BY_CLIENT").append("kind", "ALERT")
                .append("title", "from the old instance").append("raisedAt", Date.from(T0)).append("deliverAt", Date.from(T0))
                .append("deliveredAt", Date.from(T0)).append("inFeed", true));
        db.getCollection("notifications_by_recipient").insertOne(new Document("_id", "coach-1").append("ids", List.of("by-old")));

        NotificationStore store = new NotificationStore(new NotificationCollections(db), java.time.Clock.systemUTC());
        assertThat(store.feed("coach-1", false, 50, UnaryOperator.identity())).extracting(NotificationView::title)
                                                                            .containsExactly("from the old instance");
        assertThat(db.listCollectionNames().into(new java.util.ArrayList<>())).doesNotContain("notifications_by_recipient");
    }

    private static MongoDatabase freshDatabase() {
        return client.getDatabase("notification-" + UUID.randomUUID());
    }
}
