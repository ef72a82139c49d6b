package org.rekindle.notification.app.query;

import java.time.Instant;
import java.util.List;

/** A notification as its recipient sees it, with the "why": the rule, what it means, and the events that caused it. */
public record NotificationView(String id, String recipientId, String clientId, String rule, String kind,
                               String title, String body, String why, List<CauseView> causes, Instant raisedAt,
                               Instant deliveredAt, Instant readAt) {

    public record CauseView(String eventId, String type, Instant at, String detail) {
    }
}
