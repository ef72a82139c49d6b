package org.rekindle.web.view;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WellBeingChartsTest {

    private final WellBeingCharts charts = new WellBeingCharts();

    @Test
    void percentagesAreDrawnOnAZeroToHundredScaleWithTheThresholdBetween() {
        assertThat(charts.y(100)).isEqualTo(4.0);
        assertThat(charts.y(0)).isEqualTo(36.0);
        assertThat(charts.y(28)).isBetween(charts.y(32), charts.y(24));
        assertThat(charts.line(List.of(60, 28))).isEqualTo("24.0,16.8 124.0,27.0");
        assertThat(charts.last(List.of(60, 28))).containsEntry("percentage", 28).containsEntry("x", 124.0);
    }

    @Test
    void aScreenReaderHearsTheWeeksInWords() {
        assertThat(charts.summary(List.of(64, 48))).isEqualTo(
                "WHO-5 well-being over the last 2 weeks: 64 %, 48 % (28 % or lower suggests low well-being)");
        assertThat(charts.summary(List.of())).isEqualTo("No WHO-5 well-being check-ins yet");
        assertThat(charts.line(null)).isEmpty();
        assertThat(charts.last(List.of())).isNull();
    }
}
