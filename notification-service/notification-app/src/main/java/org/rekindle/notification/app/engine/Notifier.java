package org.rekindle.notification.app.engine;

import org.bson.Document;
import org.rekindle.notification.app.query.NotificationStore;
import org.rekindle.notification.app.query.PreferencesStore;
import org.rekindle.notification.app.rules.Notice;
import org.rekindle.notification.app.rules.Preferences;
import org.rekindle.platform.schedule.WorkSchedule;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Raises a notice: stores it once and schedules its delivery, at once for alerts and after the recipient's quiet
 * hours for reminders and messages. Delivery goes through the persisted schedule too, so a crash after storing loses nothing.
 */
@Component
public class Notifier {

    private final NotificationStore notifications;
    private final PreferencesStore preferences;
    private final WorkSchedule schedule;
    private final Clock clock;
    private final NotificationMetrics metrics;

    Notifier(NotificationStore notifications, PreferencesStore preferences, WorkSchedule schedule, Clock clock,
             NotificationMetrics metrics) {
        this.metrics = metrics;
        this.notifications = notifications;
        this.preferences = preferences;
        this.schedule = schedule;
        this.clock = clock;
    }

    /**
     * Idempotent: raising the same notice again (same key) changes nothing. The recipient's preferences decide only
     * when a notice that waits out quiet hours is delivered, so an alert is raised without reading them.
     */
    public void raise(Notice notice, String coachId, String clientTimezone) {
        Instant now = clock.instant();
        if (!notice.rule().waitsOutQuietHours()) {
            raiseAt(notice, coachId, now);
            return;
        }
        Preferences recipient = preferences.of(notice.recipientId());
        raiseAt(notice, coachId, recipient.outsideQuietHours(now, recipient.zoneOr(clientTimezone)));
    }

    /** As {@link #raise}, delivered at {@code deliverAt} (the caller has decided about quiet hours). */
    public void raiseAt(Notice notice, String coachId, Instant deliverAt) {
        String id = NotificationStore.idOf(notice);
        if (notifications.insertOnce(notice, coachId, deliverAt)) {
            metrics.raised(notice.rule().name());
        }
        schedule.schedule(NotificationWork.DELIVERY.storedName() + ":" + id, NotificationWork.DELIVERY, deliverAt,
                          new Document("id", id));
    }
}
