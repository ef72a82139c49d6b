package org.rekindle.platform.metrics;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds a streaming processor's projection (stop, reset its tokens, start: the projection clears itself and
 * replays; tokens stored with another segment count than configured are first brought to it,
 * {@link ConfiguredSegments}) and tells how far it has got, with the same arithmetic as the lag gauges: done + lag =
 * total, where the total is the source's head <em>now</em> (the event store's newest global index + 1, or the sum of
 * the end offsets of every partition of a Kafka source), so it grows while new events arrive. The rate is measured over the last
 * {@value #WINDOW_SECONDS} seconds of readings. What it knows of rebuilds (their start) is this instance's: a reading
 * at another instance shows the state and counts, without a start.
 */
public class ProcessorProgress {

    static final int WINDOW_SECONDS = 10;

    public enum State { REPLAYING, LIVE, STOPPED }

    /**
     * A reading: {@code done} and {@code total} in {@code unit} ({@code events} of the event store or Kafka
     * {@code records}), null when this instance holds none of the processor's segments or the source does not answer;
     * the rate per second and the seconds left, null until measured; the start of this instance's last rebuild.
     */
    public record Reading(String processor, State state, String unit, Long done, Long total, Double ratePerSecond,
                          Long secondsLeft, Instant startedAt) {
    }

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ObjectProvider<EventProcessorProperties> processors;
    private final BeanFactory beans;
    private final ServiceMetrics sources;
    private final Clock clock;
    private final Map<String, Instant> rebuildsStarted = new ConcurrentHashMap<>();
    private final Map<String, RecentRate> rates = new ConcurrentHashMap<>();
    private final Map<String, TrackingToken> kafkaHeads = new ConcurrentHashMap<>();

    ProcessorProgress(ObjectProvider<EventProcessingConfiguration> processing,
                      ObjectProvider<EventProcessorProperties> processors, BeanFactory beans, ServiceMetrics sources,
                      Clock clock) {
        this.processing = processing;
        this.processors = processors;
        this.beans = beans;
        this.sources = sources;
        this.clock = clock;
    }

    /** Starts a rebuild of the named processor; false when this service has no streaming processor by that name. */
    public boolean rebuild(String name) {
        Optional<StreamingEventProcessor> found = processor(name);
        if (found.isEmpty()) {
            return false;
        }
        StreamingEventProcessor processor = found.get();
        processor.shutDown();
        Integer configuredSegments = settings(name) == null ? null : settings(name).getInitialSegmentCount();
        if (configuredSegments != null) {
            EventProcessingConfiguration axon = processing.getObject();
            ConfiguredSegments.apply(name, configuredSegments, axon.tokenStore(name), axon.transactionManager(name));
        }
        processor.resetTokens();
        Instant now = clock.instant();
        rebuildsStarted.put(name, now);
        rate(name).restartAt(now, 0);
        processor.start();
        return true;
    }

    /** How far the named processor is; empty when this service has no streaming processor by that name. */
    public Optional<Reading> of(String name) {
        return processor(name).map(processor -> read(name, processor));
    }

    private Reading read(String name, StreamingEventProcessor processor) {
        Instant startedAt = rebuildsStarted.get(name);
        boolean claimed = ProcessorLagMetrics.claimed(processor);
        String source = kafkaSource(name);
        String unit = source == null ? "events" : "records";
        Optional<Progress> progress = claimed || startedAt != null ? progress(name, source, processor)
                                                                   : Optional.empty();
        State state = state(processor, claimed && progress.map(p -> p.done() >= p.total()).orElse(true),
                            startedAt != null && !claimed);
        if (progress.isEmpty()) {
            return new Reading(name, state, unit, null, null, null, null, startedAt);
        }
        long done = progress.get().done();
        long total = progress.get().total();
        OptionalDouble rate = rate(name).read(clock.instant(), done);
        Long secondsLeft = done >= total ? Long.valueOf(0)
                : rate.isPresent() && rate.getAsDouble() > 0 ? (long) Math.ceil((total - done) / rate.getAsDouble())
                : null;
        return new Reading(name, state, unit, done, total, rate.isPresent() ? round(rate.getAsDouble()) : null,
                           secondsLeft, startedAt);
    }

    /**
     * Replaying while a segment replays and has not caught up with everything there was. Axon's own replay flag stays
     * up after the last event that existed at the reset, until a newer one arrives, so a processor caught up with
     * the whole source counts as live. A rebuild whose segments are not claimed yet is replaying too.
     */
    private static State state(StreamingEventProcessor processor, boolean readEverything, boolean notClaimedYet) {
        if (!processor.isRunning()) {
            return State.STOPPED;
        }
        boolean replaying = processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isReplaying);
        boolean caughtUp = processor.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp);
        return notClaimedYet || replaying && !(caughtUp && readEverything) ? State.REPLAYING : State.LIVE;
    }

    private Optional<Progress> progress(String name, String kafkaSource, StreamingEventProcessor processor) {
        TrackingToken position = ProcessorLagMetrics.oldestPosition(processor);
        if (kafkaSource == null) {
            EventStoreLag store = sources.eventStoreLag();
            return store == null ? Optional.empty() : store.progress(position);
        }
        KafkaTokenLag kafka = sources.kafkaTokenLag();
        TrackingToken head = kafkaHead(name, kafkaSource);
        return kafka == null || head == null ? Optional.empty() : kafka.progress(position, head);
    }

    /**
     * The Kafka source's head token, asked once: it names every partition of the source's topics (the source
     * assigns them when its processor starts and does not look again either); the offsets are read fresh each time.
     */
    private TrackingToken kafkaHead(String name, String sourceBean) {
        return kafkaHeads.computeIfAbsent(name, processor -> {
            try {
                return beans.getBean(sourceBean, StreamableMessageSource.class).createHeadToken();
            } catch (RuntimeException brokerUnavailable) {
                return null;
            }
        });
    }

    /** The bean name of the processor's source when it is not the event store (a Kafka source), else null. */
    private String kafkaSource(String name) {
        EventProcessorProperties.ProcessorSettings processor = settings(name);
        return processor == null || processor.getSource() == null || processor.getSource().isBlank() ? null
                : processor.getSource();
    }

    private EventProcessorProperties.ProcessorSettings settings(String name) {
        EventProcessorProperties settings = processors.getIfAvailable();
        return settings == null ? null : settings.getProcessors().get(name);
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        EventProcessingConfiguration axon = processing.getIfAvailable();
        return axon == null ? Optional.empty() : axon.eventProcessor(name, StreamingEventProcessor.class);
    }

    private RecentRate rate(String name) {
        return rates.computeIfAbsent(name, processor -> new RecentRate(Duration.ofSeconds(WINDOW_SECONDS)));
    }

    private static double round(double rate) {
        return Math.round(rate * 10) / 10.0;
    }
}
