package org.rekindle.platform.messaging;

import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How every service's Kafka listeners fail: a record that throws is retried with back-off (1 s doubling, five
 * tries), then parked on {@code <topic>.<service>.DLT} with the failure in its headers, and the listener moves on.
 * A record that cannot be read at all (bad JSON, unknown type, missing fields) is parked at once. Nothing is
 * dropped silently, and one poison record never stops a consumer.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
public class KafkaConsumerAutoConfiguration {

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
