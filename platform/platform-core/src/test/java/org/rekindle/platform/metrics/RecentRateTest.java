package org.rekindle.platform.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** A rebuild's rate: over the last ten seconds of readings, or since the last reading before them. */
class RecentRateTest {

    private final Instant start = Instant.parse("2026-12-03T19:00:00Z");
    private final RecentRate rate = new RecentRate(Duration.ofSeconds(10));

    @Test
    void measuresOverTheWindowNotSinceTheStart() {
        rate.restartAt(start, 0);
        assertThat(rate.read(start.plusMillis(200), 50)).as("too soon to tell").isEmpty();
        assertThat(rate.read(start.plusSeconds(2), 200)).hasValue(100.0);
        rate.read(start.plusSeconds(12), 1_200);
        // the window is 14 s - 10 s = 4 s on: the oldest reading in it (12 s) or the last before it (2 s) stays
        assertThat(rate.read(start.plusSeconds(14), 1_600)).as("from 2 s: 1,400 in 12 s")
                .hasValueCloseTo(116.7, offset(0.1));
        assertThat(rate.read(start.plusSeconds(23), 1_700)).as("from 12 s: 500 in 11 s")
                .hasValueCloseTo(45.45, offset(0.1));
    }

    @Test
    void aCountThatGoesDownStartsOver() {
        rate.restartAt(start, 0);
        rate.read(start.plusSeconds(5), 500);
        assertThat(rate.read(start.plusSeconds(6), 10)).as("a new rebuild: nothing to compare yet").isEmpty();
        assertThat(rate.read(start.plusSeconds(8), 210)).hasValue(100.0);
    }
}
