package org.rekindle.web.view;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChartsAndFormatsTest {

    private final Charts charts = new Charts();
    private final Formats fmt = new Formats();

    @Test
    void aSparklineRunsFromLeftToRightWithLowMoodLowDown() {
        String points = charts.sparkline(List.of(1, 5, 3));
        assertThat(points).isEqualTo("12.0,28.0 62.0,4.0 112.0,16.0");
        assertThat(charts.lastMood(List.of(1, 5, 3))).containsEntry("score", 3).containsEntry("x", 112.0)
                                                    .containsEntry("y", 16.0);
        assertThat(charts.lastMood(List.of())).isNull();
        assertThat(charts.sparkline(List.of())).isEmpty();
        assertThat(charts.moodSummary(List.of(2, 3))).isEqualTo("Mood over the last 2 check-ins: 2, 3 (of 5)");
    }

    @Test
    void aSessionOnTheTimelineSaysWhenItIsWhoChangedItAndHowItWent() {
        String start = "2026-12-10T10:00:00Z";
        assertThat(fmt.session(Map.of("start", start))).isEqualTo(": the session of " + fmt.when(start));
        assertThat(fmt.session(Map.of("start", start, "by", "COACH")))
                .isEqualTo(": the session of " + fmt.when(start) + ", by the coach");
        assertThat(fmt.session(Map.of("start", start, "outcome", "NO_SHOW")))
                .isEqualTo(": the session of " + fmt.when(start) + ", no show");
        assertThat(fmt.session(Map.of("score", 3))).isEmpty();
        assertThat(fmt.session(null)).isEmpty();
    }

    @Test
    void attemptBarsAreScaledToTheLongestAndTheOngoingOneIsMarked() {
        List<Map<String, Object>> bars = charts.attempts(List.of(
                Map.of("days", 8, "endedAt", "2026-11-09T10:00:00Z"), new java.util.HashMap<>(Map.of("days", 16))));
        assertThat(bars).extracting(b -> b.get("height")).containsExactly(35, 70);
        assertThat(bars).extracting(b -> b.get("ongoing")).containsExactly(false, true);
        assertThat(charts.attemptsWidth(bars)).isEqualTo(Charts.SCALE + Charts.GAP + 2 * (Charts.BAR + Charts.GAP));
        assertThat(charts.attemptsScale(List.of(Map.of("days", 8), Map.of("days", 16))))
                .as("0, half and the longest, the longest as high as its bar")
                .extracting(t -> t.get("days"), t -> t.get("y")).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, 86), org.assertj.core.groups.Tuple.tuple(8, 51),
                        org.assertj.core.groups.Tuple.tuple(16, 16));
        assertThat(bars.get(1).get("y")).isEqualTo(16);
    }

    @Test
    void datesAndNamesReadAsWords() {
        assertThat(fmt.when("2026-11-09T10:05:00Z")).isEqualTo("9 Nov 2026, 10:05 UTC");
        assertThat(fmt.when("2026-11-09T10:05:00.000+00:00")).isEqualTo("9 Nov 2026, 10:05 UTC");
        assertThat(fmt.when(null)).isEqualTo("—");
        assertThat(fmt.day("2026-11-09")).isEqualTo("Mon 9 Nov 2026");
        assertThat(fmt.words("BREACH_IN_48H")).isEqualTo("Breach in 48h");
        assertThat(fmt.riskFlag("LOW_MOOD_THREE_IN_A_ROW")).isEqualTo("Low mood 3 in a row");
        assertThat(fmt.riskFlag("LOW_MOOD_3_IN_A_ROW")).as("as plan-service named it before Dec 2026")
                                                      .isEqualTo("Low mood 3 in a row");
        assertThat(fmt.riskFlag("NO_ACTIVITY_5_DAYS")).isEqualTo(fmt.riskFlag("NO_ACTIVITY_FIVE_DAYS"))
                                                     .isEqualTo("No activity 5 days");
        assertThat(fmt.riskFlag("SOMETHING_NEWER")).as("a flag a newer plan-service adds").isEqualTo("Something newer");
        assertThat(fmt.event("NoContactBroken")).isEqualTo("No contact broken");
        assertThat(fmt.event("rekindle.journal.MoodCheckedIn.v1")).as("an alert's cause").isEqualTo("Mood checked in");
    }
}
