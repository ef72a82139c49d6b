package org.rekindle.notification.app.engine;

import org.rekindle.platform.schedule.WorkKind;

/**
 * Every kind of work notification-service puts in its persisted schedule. Where one is scheduled, the handler that
 * runs it returns the same constant from {@code kind()}: find the constant's usages to follow the work.
 */
public enum NotificationWork implements WorkKind {
    /** A rule's time-based check fell due; scheduled by {@link NotificationEngine}, run by messaging/in RuleCheckWork. */
    RULE_CHECK("notification-rule-check"),
    /** A raised notice is to be delivered (feed, then email if wanted); scheduled by {@link Notifier}, run by
     *  messaging/out DeliveryWork. */
    DELIVERY("notification-deliver"),
    /** A notice is to be sent by email (retried with back-off); scheduled by DeliveryWork, run by EmailWork. */
    EMAIL("notification-email"),
    /** A safety alert's coach has had its time to acknowledge; scheduled and run by {@link SafetyEscalation}. */
    SAFETY_ESCALATION("safety-escalation"),
    /** A booked session's reminder (24 h or 1 h before) to its client or coach; scheduled and run by
     *  {@link SessionReminders}. */
    SESSION_REMINDER("session-reminder");

    private final String storedName;

    NotificationWork(String storedName) {
        this.storedName = storedName;
    }

    @Override
    public String storedName() {
        return storedName;
    }
}
