package org.rekindle.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

import java.util.Set;

/**
 * Trims axon-micrometer's timers. Axon times every message four times ({@code allTimer}, {@code successTimer},
 * {@code failureTimer}, {@code ignoredTimer}) with six client-side quantiles each, per payload type: about 700 series
 * in journal-service alone, and quantiles cannot be summed across instances anyway. Kept: {@code allTimer} (count, sum,
 * max: rate and mean latency) and Axon's success/failure counters; the three partial timers are dropped (no-op meters,
 * so nothing is recorded for them) and the quantiles left out.
 */
final class AxonTimerFilter implements MeterFilter {

    private static final Set<String> AXON_COMPONENTS = Set.of("commandBus", "eventBus", "eventStore",
            "eventProcessor", "queryBus", "queryUpdateEmitter");
    private static final Set<String> PARTIAL_TIMERS = Set.of("successTimer", "failureTimer", "ignoredTimer");

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        return isAxon(id) && PARTIAL_TIMERS.contains(suffix(id)) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!isAxon(id) || id.getType() != Meter.Type.TIMER) {
            return config;
        }
        return DistributionStatisticConfig.builder().percentiles(new double[0]).build().merge(config);
    }

    private static boolean isAxon(Meter.Id id) {
        int dot = id.getName().indexOf('.');
        return dot > 0 && AXON_COMPONENTS.contains(id.getName().substring(0, dot));
    }

    private static String suffix(Meter.Id id) {
        return id.getName().substring(id.getName().indexOf('.') + 1);
    }
}
