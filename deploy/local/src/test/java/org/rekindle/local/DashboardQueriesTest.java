package org.rekindle.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The metric names read out of PromQL: functions, labels, groupings, ranges and numbers are not metric names. */
class DashboardQueriesTest {

    @Test
    void findsTheMetricNamesOfAQuery() {
        assertThat(DashboardQueries.metricNames(
                "histogram_quantile(0.95, sum by (channel, le) (rate(rekindle_notifications_delivery_latency_seconds_bucket"
                + "{channel=\"EMAIL\", rule=~\"BREACH.*\"}[1h])))"))
                .containsExactly("rekindle_notifications_delivery_latency_seconds_bucket");
        assertThat(DashboardQueries.metricNames("sum by (service) (rate(commandBus_allTimer_seconds_sum[5m])) / "
                                                + "sum without (instance) (rate(commandBus_allTimer_seconds_count[5m])) > 1e3"))
                .containsExactly("commandBus_allTimer_seconds_count", "commandBus_allTimer_seconds_sum");
        assertThat(DashboardQueries.metricNames("max(up offset 5m) or on (job) vector(0)")).containsExactly("up");
    }
}
