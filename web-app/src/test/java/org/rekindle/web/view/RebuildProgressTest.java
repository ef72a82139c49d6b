package org.rekindle.web.view;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin page's words for plan-service's progress answers. */
class RebuildProgressTest {

    @Test
    void aRebuildUnderWayShowsItsCountsRateAndTimeLeftAndIsPolled() {
        RebuildProgress progress = RebuildProgress.of("coach-dashboard", "Coach dashboards", Map.of(
                "state", "REPLAYING", "unit", "records", "done", 40, "total", 113, "ratePerSecond", 24.6,
                "secondsLeft", 3, "startedAt", "2026-12-03T19:00:00Z"));

        assertThat(progress.replaying()).isTrue();
        assertThat(progress.status()).isEqualTo("Rebuilding");
        assertThat(progress.counts()).isEqualTo("40 of 113 records");
        assertThat(progress.percent()).isEqualTo(35);
        assertThat(progress.rate()).isEqualTo("25 records/s");
        assertThat(progress.timeLeft()).isEqualTo("about 3 s left");
    }

    @Test
    void aFinishedRebuildIsDoneAndALongOneCountsMinutes() {
        RebuildProgress done = RebuildProgress.of("plan-read-model", "Plan views", Map.of(
                "state", "LIVE", "unit", "events", "done", 113, "total", 113, "secondsLeft", 0,
                "startedAt", "2026-12-03T19:00:00Z"));
        assertThat(done.replaying()).isFalse();
        assertThat(done.status()).isEqualTo("Done");
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.timeLeft()).isEqualTo("nothing left");
        assertThat(done.rate()).isEqualTo("rate being measured");

        assertThat(RebuildProgress.of("plan-read-model", "Plan views", Map.of("state", "REPLAYING", "unit", "events",
                "done", 1, "total", 10_000, "secondsLeft", 125)).timeLeft()).isEqualTo("about 2 min 5 s left");
    }

    @Test
    void aProjectionNeverRebuiltIsUpToDateAndUnknownCountsSaySo() {
        Map<String, Object> answer = new HashMap<>(Map.of("state", "LIVE", "unit", "records"));
        answer.put("done", null);
        RebuildProgress progress = RebuildProgress.of("coach-dashboard", "Coach dashboards", answer);
        assertThat(progress.status()).isEqualTo("Up to date");
        assertThat(progress.counts()).isEqualTo("counts not available just now");
        assertThat(progress.timeLeft()).isEqualTo("time left not known yet");

        RebuildProgress unanswered = RebuildProgress.of("coach-dashboard", "Coach dashboards", Map.of());
        assertThat(unanswered.status()).as("plan-service did not answer").isEqualTo("Unknown");
        assertThat(unanswered.replaying()).isFalse();
    }
}
