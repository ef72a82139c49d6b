package org.rekindle.notification.app.query;

import java.time.Instant;
import java.util.List;

/**
 * A notification as its recipient sees it, with the "why": the rule, what it means, and the events that caused it;
 * for an alert, whether it still needs the coach ({@code state}: NEEDS_YOU, SNOOZED until {@code snoozedUntil}, or
 * ACKNOWLEDGED).
 */
public record NotificationView(String id, String recipientId, String clientId, String rule, String kind,
                               String title, String body, String why, List<CauseView> causes, Instant raisedAt,
                               Instant deliveredAt, Instant readAt, Instant acknowledgedAt, Instant snoozedUntil,
                               String state) {

    public record CauseView(String eventId, String type, Instant at, String detail) {
    }

    /** As delivered at {@code at} (what the feed shows once it is marked delivered). */
    public NotificationView deliveredAt(Instant at) {
        return new NotificationView(id, recipientId, clientId, rule, kind, title, body, why, causes, raisedAt,
                                    at, readAt, acknowledgedAt, snoozedUntil, state);
    }

    NotificationView withCauses(List<CauseView> shown) {
        return new NotificationView(id, recipientId, clientId, rule, kind, title, body, why, shown, raisedAt,
                                    deliveredAt, readAt, acknowledgedAt, snoozedUntil, state);
    }
}
