package org.rekindle.content.app.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.EventProcessingConfigurer;
import org.rekindle.content.app.messaging.out.ContentEventPublisher;
import org.rekindle.content.events.ContentTopic;
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
class ContentMessagingConfig {

    static final String SOURCE = "/rekindle/content-service";

    @Bean
    NewTopic contentTopic(@Value("${rekindle.content.topic.partitions}") int partitions,
                          @Value("${rekindle.content.topic.replicas}") short replicas) {
        return TopicBuilder.name(ContentTopic.NAME).partitions(partitions).replicas(replicas).build();
    }

    @Bean
    static AcknowledgedKafkaPublisher contentKafkaPublisher(KafkaTemplate<String, String> kafkaTemplate) {
        return new AcknowledgedKafkaPublisher(kafkaTemplate, ContentTopic.NAME, SOURCE, Duration.ofSeconds(45));
    }

    @Autowired
    void configurePublisher(EventProcessingConfigurer configurer, AcknowledgedKafkaPublisher contentKafkaPublisher) {
        PublishingProcessor.register(configurer, ContentEventPublisher.PROCESSING_GROUP, contentKafkaPublisher);
    }
}
