package org.rekindle.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.util.Comparator;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The lag of every streaming processor this instance runs, tagged with its name and role ({@code publisher} for the
 * processor that sends the service's integration events to Kafka, {@code projection} for the others):
 * {@code rekindle.processor.lag} in events (event store) or records (Kafka), and for processors over the event store
 * {@code rekindle.processor.lag.age}, the age of the oldest event not handled yet. A processor whose segments are all
 * claimed by another instance reports no value here (that instance does).
 */
final class ProcessorLagMetrics {

    static final String LAG = "rekindle.processor.lag";
    static final String AGE = "rekindle.processor.lag.age";

    private ProcessorLagMetrics() {
    }

    static void register(MeterRegistry registry, EventProcessingConfiguration processing, Set<String> kafkaFed,
                         String publisher, EventStoreLag eventStore, Function<TrackingToken, OptionalLong> kafka) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (!(processor instanceof StreamingEventProcessor streaming)) {
                return;
            }
            String role = name.equals(publisher) ? "publisher" : "projection";
            if (kafkaFed.contains(name)) {
                if (kafka != null) {
                    Gauge.builder(LAG, streaming, p -> orNaN(kafka.apply(oldestPosition(p))))
                         .tags("processor", name, "role", role, "source", "kafka").baseUnit("records")
                         .description("Records on the processor's topics it has not handled yet")
                         .register(registry);
                }
            } else if (eventStore != null) {
                Gauge.builder(LAG, streaming, p -> claimed(p) ? orNaN(eventStore.events(oldestPosition(p))) : Double.NaN)
                     .tags("processor", name, "role", role, "source", "eventstore").baseUnit("events")
                     .description("Events stored but not handled yet by the processor")
                     .register(registry);
                TimeGauge.builder(AGE, streaming, TimeUnit.SECONDS,
                                  p -> claimed(p) ? eventStore.age(oldestPosition(p)).toMillis() / 1000.0 : Double.NaN)
                         .tags("processor", name, "role", role, "source", "eventstore")
                         .description("Age of the oldest stored event the processor has not handled yet")
                         .register(registry);
            }
        });
    }

    static boolean claimed(StreamingEventProcessor processor) {
        return !processor.processingStatus().isEmpty();
    }

    /** The position of the segment furthest behind (unwrapped from a replay), or null before its first event. */
    static TrackingToken oldestPosition(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getTrackingToken).filter(Objects::nonNull)
                        .map(WrappedToken::unwrapLowerBound)
                        .min(Comparator.comparingLong(token -> token.position().orElse(Long.MAX_VALUE)))
                        .orElse(null);
    }

    private static double orNaN(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : Double.NaN;
    }
}
