package org.rekindle.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.springboot.EventProcessorProperties;
import org.rekindle.platform.publishing.Publication;
import org.rekindle.platform.schedule.ScheduleRunner;
import org.rekindle.platform.schedule.WorkSchedule;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.ClassUtils;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Registers the service's own gauges once it is ready (its processors and listener containers exist then), from
 * whatever the service has: processors, a publication, listeners, a work schedule. One admin client per service
 * answers the Kafka offsets, closed with the service.
 */
public class ServiceMetrics implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    static final String SCHEDULE_BACKLOG = "rekindle.schedule.backlog";
    private static final String KAFKA_TOKEN =
            "org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken";

    private final ObjectProvider<MeterRegistry> registry;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ObjectProvider<EventProcessorProperties> processors;
    private final ObjectProvider<Publication> publication;
    private final ObjectProvider<EventStorageEngine> eventStorage;
    private final ObjectProvider<KafkaAdmin> kafkaAdmin;
    private final ObjectProvider<KafkaListenerEndpointRegistry> listeners;
    private final ObjectProvider<ScheduleRunner> scheduleRunner;
    private final ObjectProvider<WorkSchedule> schedule;
    private final ObjectProvider<Clock> clock;
    private final String service;
    private volatile Admin admin;
    private volatile boolean registered;

    ServiceMetrics(ObjectProvider<MeterRegistry> registry, ObjectProvider<EventProcessingConfiguration> processing,
                   ObjectProvider<EventProcessorProperties> processors, ObjectProvider<Publication> publication,
                   ObjectProvider<EventStorageEngine> eventStorage, ObjectProvider<KafkaAdmin> kafkaAdmin,
                   ObjectProvider<KafkaListenerEndpointRegistry> listeners,
                   ObjectProvider<ScheduleRunner> scheduleRunner, ObjectProvider<WorkSchedule> schedule,
                   ObjectProvider<Clock> clock, String service) {
        this.registry = registry;
        this.processing = processing;
        this.processors = processors;
        this.publication = publication;
        this.eventStorage = eventStorage;
        this.kafkaAdmin = kafkaAdmin;
        this.listeners = listeners;
        this.scheduleRunner = scheduleRunner;
        this.schedule = schedule;
        this.clock = clock;
        this.service = service;
    }

    @Override
    public synchronized void onApplicationEvent(ApplicationReadyEvent ready) {
        MeterRegistry meters = registry.getIfAvailable();
        if (meters == null || registered) {
            return;
        }
        registered = true;
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        EventProcessingConfiguration axon = processing.getIfAvailable();
        if (axon != null) {
            KafkaTokenLag kafka = kafkaTokenLag();
            ProcessorLagMetrics.register(meters, axon, kafkaFedProcessors(),
                    publication.getIfAvailable() == null ? "" : publication.getObject().processingGroup(),
                    eventStoreLag(), kafka == null ? null : kafka::records);
        }
        KafkaListenerEndpointRegistry containers = listeners.getIfAvailable();
        if (containers != null && admin() != null) {
            ConsumerGroupLag.register(meters, admin(), containers.getListenerContainers().stream()
                    .map(MessageListenerContainer::getGroupId).filter(Objects::nonNull).toList());
        }
        WorkSchedule work = schedule.getIfAvailable();
        if (work != null && scheduleRunner.getIfAvailable() != null) {
            Gauge.builder(SCHEDULE_BACKLOG, work, w -> w.dueAt(time.instant()))
                 .description("Scheduled work due now and not yet claimed by the runner").register(meters);
        }
    }

    /** Processors with a {@code source} read Kafka (see AxonProcessingAutoConfiguration); the others the event store. */
    private Set<String> kafkaFedProcessors() {
        EventProcessorProperties settings = processors.getIfAvailable();
        return settings == null ? Set.of() : settings.getProcessors().entrySet().stream()
                .filter(entry -> entry.getValue().getSource() != null && !entry.getValue().getSource().isBlank())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** The lag of processors over this service's event store, or null when it has none. */
    EventStoreLag eventStoreLag() {
        EventStorageEngine storage = eventStorage.getIfAvailable();
        return storage == null ? null : new EventStoreLag(storage, clock.getIfAvailable(Clock::systemUTC));
    }

    /** The lag of Kafka-fed processors, or null when the service has no Kafka or no Kafka-fed processor classes. */
    KafkaTokenLag kafkaTokenLag() {
        if (!ClassUtils.isPresent(KAFKA_TOKEN, getClass().getClassLoader()) || admin() == null) {
            return null;
        }
        return new KafkaTokenLag(admin());
    }

    private synchronized Admin admin() {
        if (admin == null && kafkaAdmin.getIfAvailable() != null) {
            Map<String, Object> config = new HashMap<>(kafkaAdmin.getObject().getConfigurationProperties());
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, service + "-metrics");
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
            admin = Admin.create(config);
        }
        return admin;
    }

    @Override
    public void destroy() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
