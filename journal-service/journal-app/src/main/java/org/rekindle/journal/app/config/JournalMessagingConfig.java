package org.rekindle.journal.app.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.EventProcessingConfigurer;
import org.rekindle.journal.app.messaging.out.JournalEventPublisher;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.platform.publishing.AcknowledgedKafkaPublisher;
import org.rekindle.platform.publishing.PublishingProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;

@Configuration
class JournalMessagingConfig {

    static final String SOURCE = "/rekindle/journal-service";

    @Bean
    NewTopic journalTopic(@Value("${rekindle.journal.topic.partitions}") int partitions,
                          @Value("${rekindle.journal.topic.replicas}") short replicas) {
        return TopicBuilder.name(JournalTopic.NAME).partitions(partitions).replicas(replicas).build();
    }

    @Bean
    static AcknowledgedKafkaPublisher journalKafkaPublisher(KafkaTemplate<String, String> kafkaTemplate) {
        return new AcknowledgedKafkaPublisher(kafkaTemplate, JournalTopic.NAME, SOURCE, Duration.ofSeconds(45));
    }

    @Autowired
    void configurePublisher(EventProcessingConfigurer configurer, AcknowledgedKafkaPublisher journalKafkaPublisher) {
        PublishingProcessor.register(configurer, JournalEventPublisher.PROCESSING_GROUP, journalKafkaPublisher);
    }
}
