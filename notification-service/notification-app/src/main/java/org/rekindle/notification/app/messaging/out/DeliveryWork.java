package org.rekindle.notification.app.messaging.out;

import org.bson.Document;
import org.rekindle.notification.app.engine.NotificationMetrics;
import org.rekindle.notification.app.engine.NotificationWork;
import org.rekindle.notification.app.rules.Channel;
import org.rekindle.notification.app.rules.Preferences;
import org.rekindle.notification.app.rules.Rule;
import org.rekindle.notification.app.query.DeliveryLog;
import org.rekindle.notification.app.query.NotificationStore;
import org.rekindle.notification.app.query.NotificationView;
import org.rekindle.notification.app.query.PreferencesStore;
import org.rekindle.platform.schedule.ScheduledWork;
import org.rekindle.platform.schedule.ScheduledWorkHandler;
import org.rekindle.platform.schedule.WorkKind;
import org.rekindle.platform.schedule.WorkSchedule;
import org.rekindle.platform.web.LiveStreams;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Delivers a stored notification when it is due: into the recipient's feed (and their open pages, over SSE) and,
 * unless they opted out or have no address, queues the email. Every decision is written to the delivery log.
 */
@Component
class DeliveryWork implements ScheduledWorkHandler {

    private final NotificationStore notifications;
    private final PreferencesStore preferences;
    private final DeliveryLog log;
    private final WorkSchedule schedule;
    private final LiveStreams live;
    private final Clock clock;
    private final NotificationMetrics metrics;

    DeliveryWork(NotificationStore notifications, PreferencesStore preferences, DeliveryLog log,
                 WorkSchedule schedule, LiveStreams live, Clock clock, NotificationMetrics metrics) {
        this.metrics = metrics;
        this.notifications = notifications;
        this.preferences = preferences;
        this.log = log;
        this.schedule = schedule;
        this.live = live;
        this.clock = clock;
    }

    @Override
    public WorkKind kind() {
        return NotificationWork.DELIVERY;
    }

    @Override
    public void run(ScheduledWork work) {
        String id = work.payload().getString("id");
        NotificationStore.Stored stored = notifications.load(id).orElse(null);
        if (stored == null) { // the client's journal was erased after this was scheduled: nothing to deliver
            log.deleteFor(List.of(id));
            return;
        }
        if (stored.delivered()) { // run again after a crash: the feed is done, its email may not be queued yet
            queueEmail(id, stored.emailTo(), stored.view().deliveredAt());
            return;
        }
        NotificationView notification = stored.view();
        Preferences recipient = preferences.of(notification.recipientId());
        Instant now = clock.instant();
        boolean urgent = Rule.valueOf(notification.rule()).urgent(); // a safety alert ignores opt-outs
        boolean inFeed = urgent || recipient.wants(Channel.FEED);
        DeliveryLog.Entry feed = inFeed ? new DeliveryLog.Entry(Channel.FEED, DeliveryLog.State.SENT, 1, null)
                : new DeliveryLog.Entry(Channel.FEED, DeliveryLog.State.SKIPPED, 1,
                                        "the recipient opted out of the in-app feed");
        EmailDecision email = emailFor(recipient, urgent);
        log.record(id, List.of(feed, email.logged()), now);
        // The mark keeps where the email goes, so the feed is pushed before the email is queued: a crash in between
        // is repaired by the run again above.
        if (!notifications.markDelivered(notification, inFeed, email.to(), now)) {
            log.deleteFor(List.of(id)); // erased while this ran: its entries go as the rest of it did
            return;
        }
        if (inFeed) { // counted once marked: an erased notification was never delivered
            metrics.sent(notification.rule(), Channel.FEED, notification.raisedAt(), now);
        } else {
            metrics.delivered(notification.rule(), Channel.FEED, DeliveryLog.State.SKIPPED);
        }
        if (email.to() == null) {
            metrics.delivered(notification.rule(), Channel.EMAIL, DeliveryLog.State.SKIPPED);
        }
        if (inFeed) {
            live.send(notification.recipientId(), "notification", id, notification.deliveredAt(now));
        }
        queueEmail(id, email.to(), now);
    }

    /** Where the email goes (null: it is not sent) and the log entry that says so. */
    private record EmailDecision(String to, DeliveryLog.Entry logged) {
    }

    private static EmailDecision emailFor(Preferences recipient, boolean urgent) {
        if (!urgent && !recipient.wants(Channel.EMAIL)) {
            return new EmailDecision(null, new DeliveryLog.Entry(Channel.EMAIL, DeliveryLog.State.SKIPPED, 0,
                                                                 "the recipient opted out of email"));
        }
        if (recipient.email() == null) {
            return new EmailDecision(null, new DeliveryLog.Entry(Channel.EMAIL, DeliveryLog.State.SKIPPED, 0,
                                                                 "no email address on file"));
        }
        return new EmailDecision(recipient.email(), new DeliveryLog.Entry(Channel.EMAIL, DeliveryLog.State.QUEUED, 0,
                                                                           null));
    }

    private void queueEmail(String id, String to, Instant at) {
        if (to != null) {
            schedule.schedule(NotificationWork.EMAIL.storedName() + ":" + id, NotificationWork.EMAIL, at,
                              new Document("id", id).append("to", to));
        }
    }
}
