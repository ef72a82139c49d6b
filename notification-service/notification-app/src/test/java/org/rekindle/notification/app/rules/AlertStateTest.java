package org.rekindle.notification.app.rules;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AlertStateTest {

    private static final Instant NOW = Instant.parse("2026-12-03T16:00:00Z");

    @Test
    void anAlertNeedsTheCoachUntilAcknowledgedAndASnoozeHidesItUntilItEnds() {
        assertThat(AlertState.of(null, null, NOW)).isEqualTo(AlertState.NEEDS_YOU);
        assertThat(AlertState.of(null, NOW.plusSeconds(60), NOW)).isEqualTo(AlertState.SNOOZED);
        assertThat(AlertState.of(null, NOW, NOW)).as("the snooze has ended").isEqualTo(AlertState.NEEDS_YOU);
        assertThat(AlertState.of(NOW.minusSeconds(5), NOW.plusSeconds(60), NOW)).isEqualTo(AlertState.ACKNOWLEDGED);
    }

    @Test
    void aSnoozeEndsInTheFutureAndAtMostThirtyDaysAhead() {
        assertThat(AlertState.snoozeRefusal(NOW.plus(Duration.ofDays(1)), NOW)).isEmpty();
        assertThat(AlertState.snoozeRefusal(NOW.plus(Duration.ofDays(30)), NOW)).isEmpty();
        assertThat(AlertState.snoozeRefusal(null, NOW)).get().asString().startsWith("is required");
        assertThat(AlertState.snoozeRefusal(NOW, NOW)).contains("must be in the future");
        assertThat(AlertState.snoozeRefusal(NOW.plus(Duration.ofDays(31)), NOW)).contains("must be at most 30 days ahead");
    }
}
