package org.rekindle.notification.app.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a coach alert stands: it needs the coach until they acknowledge it (it stays in their history) or snooze it
 * (it comes back when the snooze ends). An acknowledged alert stays acknowledged, whatever a snooze says.
 */
public enum AlertState {
    NEEDS_YOU, SNOOZED, ACKNOWLEDGED;

    static final Duration LONGEST_SNOOZE = Duration.ofDays(30);

    public static AlertState of(Instant acknowledgedAt, Instant snoozedUntil, Instant now) {
        if (acknowledgedAt != null) {
            return ACKNOWLEDGED;
        }
        return snoozedUntil != null && snoozedUntil.isAfter(now) ? SNOOZED : NEEDS_YOU;
    }

    /** Why a snooze until {@code until} cannot be accepted at {@code now}, or empty when it can. */
    public static Optional<String> snoozeRefusal(Instant until, Instant now) {
        if (until == null) {
            return Optional.of("is required: the instant the alert should come back (ISO-8601, e.g. 2026-12-04T09:00:00Z)");
        }
        if (!until.isAfter(now)) {
            return Optional.of("must be in the future");
        }
        if (until.isAfter(now.plus(LONGEST_SNOOZE))) {
            return Optional.of("must be at most 30 days ahead");
        }
        return Optional.empty();
    }
}
