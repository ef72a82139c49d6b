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
    void aSampleIsSplitOnItsOwnRecordEvenWhenItsEventWasCreatedWithinTheRequestsMillisecond() {
        long request = 5_000_400;                                                     // 5,000.4 ms
        JournalHops.Seen own = new JournalHops.Seen(5_000_000, 5_003_000, 5_004_000); // stored at 5,000 ms (ms resolution)
        JournalHops.Seen next = new JournalHops.Seen(5_400_000, 5_402_000, 5_403_000);
        JournalHops.Seen before = new JournalHops.Seen(4_600_000, 4_602_000, 4_603_000);

        assertThat(JournalHops.firstStoredAfter(List.of(before, own, next), request)).contains(own);
        assertThat(JournalHops.firstStoredAfter(List.of(before, next), request)).contains(next);
        assertThat(JournalHops.firstStoredAfter(List.of(before), request)).isEmpty();
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
