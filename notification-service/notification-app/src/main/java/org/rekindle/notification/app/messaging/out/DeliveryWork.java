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
        if (notifications.isDelivered(id)) {
            return;
        }
        NotificationView notification = notifications.find(id).orElseThrow();
        Preferences recipient = preferences.of(notification.recipientId());
        Instant now = clock.instant();
        boolean urgent = Rule.valueOf(notification.rule()).urgent(); // a safety alert ignores opt-outs
        boolean inFeed = urgent || recipient.wants(Channel.FEED);
        log.record(id, Channel.FEED, inFeed ? DeliveryLog.State.SENT : DeliveryLog.State.SKIPPED, 1,
                   inFeed ? null : "the recipient opted out of the in-app feed", now);
        if (inFeed) {
            metrics.sent(notification.rule(), Channel.FEED, notification.raisedAt(), now);
        } else {
            metrics.delivered(notification.rule(), Channel.FEED, DeliveryLog.State.SKIPPED);
        }
        if (!urgent && !recipient.wants(Channel.EMAIL)) {
            log.record(id, Channel.EMAIL, DeliveryLog.State.SKIPPED, 0, "the recipient opted out of email", now);
            metrics.delivered(notification.rule(), Channel.EMAIL, DeliveryLog.State.SKIPPED);
        } else if (recipient.email() == null) {
            log.record(id, Channel.EMAIL, DeliveryLog.State.SKIPPED, 0, "no email address on file", now);
            metrics.delivered(notification.rule(), Channel.EMAIL, DeliveryLog.State.SKIPPED);
        } else {
            log.record(id, Channel.EMAIL, DeliveryLog.State.QUEUED, 0, null, now);
            schedule.schedule(NotificationWork.EMAIL.storedName() + ":" + id, NotificationWork.EMAIL, now,
                              new Document("id", id).append("to", recipient.email()));
        }
        notifications.markDelivered(id, inFeed, now);
        if (inFeed) {
            notifications.find(id).ifPresent(view -> live.send(view.recipientId(), "notification", id, view));
        }
    }
}
