package org.rekindle.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.springboot.EventProcessorProperties;
import org.rekindle.platform.publishing.Publication;
import org.rekindle.platform.schedule.ScheduleRunner;
import org.rekindle.platform.schedule.WorkSchedule;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Clock;

/**
 * The metrics every service exports at {@code /actuator/prometheus} beyond Boot's (HTTP server, JVM, Kafka clients)
 * and Axon's (axon-micrometer: commands, event processors): processor lag (the publisher's and the projections'),
 * consumer-group lag, the work schedule's backlog; and, from the same arithmetic, a rebuild's progress
 * ({@link ProcessorProgress}). Every meter is tagged with the service's name (platform-metrics'
 * ServiceTagAutoConfiguration). The endpoint's protection is the scrape credential (platform-metrics' MetricsScrape).
 */
@AutoConfiguration
@ConditionalOnClass(MeterRegistry.class)
public class MetricsAutoConfiguration {

    @Bean
    public MeterFilter axonTimerFilter() {
        return new AxonTimerFilter();
    }

    @Bean
    public ServiceMetrics serviceMetrics(ObjectProvider<MeterRegistry> registry,
                                         ObjectProvider<EventProcessingConfiguration> processing,
                                         ObjectProvider<EventProcessorProperties> processors,
                                         ObjectProvider<Publication> publication,
                                         ObjectProvider<EventStorageEngine> eventStorage,
                                         ObjectProvider<KafkaAdmin> kafkaAdmin,
                                         ObjectProvider<KafkaListenerEndpointRegistry> listeners,
                                         ObjectProvider<ScheduleRunner> scheduleRunner,
                                         ObjectProvider<WorkSchedule> schedule, ObjectProvider<Clock> clock,
                                         @Value("${spring.application.name:service}") String service) {
        return new ServiceMetrics(registry, processing, processors, publication, eventStorage, kafkaAdmin, listeners,
                                  scheduleRunner, schedule, clock, service);
    }

    @Bean
    public ProcessorProgress processorProgress(ObjectProvider<EventProcessingConfiguration> processing,
                                               ObjectProvider<EventProcessorProperties> processors,
                                               BeanFactory beans, ServiceMetrics serviceMetrics,
                                               ObjectProvider<Clock> clock) {
        return new ProcessorProgress(processing, processors, beans, serviceMetrics,
                                     clock.getIfAvailable(Clock::systemUTC));
    }
}
