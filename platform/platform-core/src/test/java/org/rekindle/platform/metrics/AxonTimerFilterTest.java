package org.rekindle.platform.metrics;

import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon's partial timers and quantiles are left out of the scrape; its allTimer and everything else stay. */
class AxonTimerFilterTest {

    @Test
    void keepsAxonsAllTimerWithoutQuantilesAndDropsThePartialTimers() {
        var registry = new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new AxonTimerFilter());
        for (String name : new String[]{"commandBus.allTimer", "commandBus.successTimer", "eventProcessor.ignoredTimer",
                                        "rekindle.other.successTimer"}) {
            Timer.builder(name).publishPercentiles(0.5, 0.99).register(registry).record(Duration.ofMillis(5));
        }

        String scrape = registry.scrape();
        assertThat(scrape).contains("commandBus_allTimer_seconds_count").doesNotContain("commandBus_successTimer")
                          .doesNotContain("eventProcessor_ignoredTimer").doesNotContain("commandBus_allTimer_seconds{quantile")
                          .contains("rekindle_other_successTimer_seconds_count");
        assertThat(scrape).as("other timers keep the quantiles they ask for").contains("quantile=\"0.99\"");
    }
}
