package org.rekindle.plan.app.messaging.in.dashboard;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.extensions.kafka.eventhandling.consumer.AsyncFetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.DefaultConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.axonframework.serialization.json.JacksonSerializer;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.plan.events.PlanTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/**
 * The Kafka source of the coach dashboard's tracking processor ({@code axon.eventhandling.processors.coach-dashboard
 * .source=dashboardEventSource}): the journal and plan topics, read with assigned partitions and the positions kept
 * in the processor's token, not in a consumer group. Records are handed over in fetch order ({@link FetchOrderBuffer}),
 * so a stored token never covers a record the projection has not seen.
 */
@Configuration
class DashboardSourceConfig {

    /**
     * The Kafka source assigns the partitions each topic has when the processor starts and does not look again, so
     * a topic created later (journal-service has not published yet) would never be read until a restart. Declaring
     * it here makes it exist first; an existing topic is left as its producer made it.
     */
    @Bean
    NewTopic consumedJournalTopic(@Value("${rekindle.publishing.topic-partitions:3}") int partitions,
                                  @Value("${rekindle.publishing.topic-replicas:1}") short replicas) {
        return TopicBuilder.name(JournalTopic.NAME).partitions(partitions).replicas(replicas).build();
    }

    @Bean
    StreamableKafkaMessageSource<String, String> dashboardEventSource(
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        Map<String, Object> consumer = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                                              ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                                              ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                                              ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                                              ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return StreamableKafkaMessageSource.<String, String>builder()
                .topics(List.of(JournalTopic.NAME, PlanTopic.NAME))
                .consumerFactory(new DefaultConsumerFactory<>(consumer))
                .fetcher(AsyncFetcher.<String, String, KafkaEventMessage>builder().pollTimeout(100).build())
                .bufferFactory(FetchOrderBuffer::new)
                .messageConverter(new CloudEventKafkaConverter())
                .serializer(JacksonSerializer.defaultSerializer())
                .build();
    }
}
