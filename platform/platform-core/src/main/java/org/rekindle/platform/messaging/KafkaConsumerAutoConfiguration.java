package org.rekindle.platform.messaging;

import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How every service's Kafka listeners fail: a record that throws is retried with back-off (1 s doubling, five
 * tries), then parked on {@code <topic>.<service>.DLT} with the failure in its headers, and the listener moves on.
 * A record that cannot be read at all (bad JSON, unknown type, missing fields) is parked at once. Nothing is
 * dropped silently, and one poison record never stops a consumer. Batch listeners go through {@link RecordBatches},
 * which names the failing record to this handler, so the same holds for them record by record.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
public class KafkaConsumerAutoConfiguration {

    /**
     * The container factory of batch listeners ({@code containerFactory = BATCH_LISTENERS}): as configured for the
     * record listeners, but offsets are committed per poll ({@code AckMode.BATCH}) and the listener gets the poll's
     * records as one list. Such a listener names a failing record through {@link RecordBatches}.
     */
    public static final String BATCH_LISTENERS = "batchListenerContainerFactory";

    @Bean(BATCH_LISTENERS)
    public ConcurrentKafkaListenerContainerFactory<Object, Object> batchListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ObjectProvider<ConsumerFactory<Object, Object>> consumerFactory) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory.getObject());
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        return factory;
    }

    @Bean
    public CommonErrorHandler kafkaListenerErrorHandler(KafkaTemplate<String, String> kafkaTemplate,
                                                        @Value("${spring.application.name}") String service) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafkaTemplate,
                (record, failure) -> new TopicPartition(record.topic() + "." + service + ".DLT", -1));
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2);
        backOff.setMaxAttempts(5);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(UnreadableRecordException.class);
        return handler;
    }
}
