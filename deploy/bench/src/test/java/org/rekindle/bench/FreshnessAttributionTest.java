package org.rekindle.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The arithmetic behind the freshness attribution rows: GC pause overlap and each hop's figures. */
class FreshnessAttributionTest {

    @Test
    void onlyThePartOfAPauseInsideTheSampleCounts() throws Exception {
        try (GcPauses pauses = new GcPauses()) {
            pauses.paused(1_000_000, 1_030_000);   // 30 ms
            pauses.paused(2_000_000, 2_010_000);   // 10 ms, after the sample

            assertThat(pauses.pausedMillis(1_020_000, 1_500_000)).isEqualTo(10.0);
            assertThat(pauses.pausedMillis(900_000, 2_005_000)).isEqualTo(35.0);
            assertThat(pauses.pausedMillis(1_100_000, 1_900_000)).isZero();
        }
    }

    @Test
    void eachHopHasItsPercentilesAndItsShareOfTheSlowestSamples() {
        List<JournalHops.Split> splits = new ArrayList<>();
        for (int i = 0; i < 99; i++) {
            splits.add(new JournalHops.Split(20, 5, 5, 5, 5, 0));
        }
        splits.add(new JournalHops.Split(120, 5, 5, 5, 75, 30)); // the slowest: its time on the consumer's side

        List<JournalHops.Row> rows = JournalHops.attribute(splits);

        assertThat(rows).extracting(JournalHops.Row::hop).containsExactlyElementsOf(JournalHops.HOPS);
        JournalHops.Row consumerSide = rows.get(3);
        assertThat(consumerSide.p50()).isEqualTo(5.0);
        assertThat(consumerSide.p99()).isEqualTo(75.0);
        assertThat(consumerSide.meanOfSlowest()).isEqualTo(75.0);
        assertThat(rows.get(0).meanOfSlowest()).isEqualTo(5.0);
        assertThat(rows.get(4).meanOfSlowest()).as("GC pause in the slowest").isCloseTo(30.0, within(0.001));
    }
}
