package org.rekindle.plan.app.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.EventProcessingConfigurer;
import org.rekindle.plan.app.messaging.out.PlanEventPublisher;
import org.rekindle.plan.events.PlanTopic;
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
class PlanMessagingConfig {

    static final String SOURCE = "/rekindle/plan-service";

    @Bean
    NewTopic planTopic(@Value("${rekindle.plan.topic.partitions}") int partitions,
                          @Value("${rekindle.plan.topic.replicas}") short replicas) {
        return TopicBuilder.name(PlanTopic.NAME).partitions(partitions).replicas(replicas).build();
    }

    @Bean
    static AcknowledgedKafkaPublisher planKafkaPublisher(KafkaTemplate<String, String> kafkaTemplate) {
        return new AcknowledgedKafkaPublisher(kafkaTemplate, PlanTopic.NAME, SOURCE, Duration.ofSeconds(45));
    }

    @Autowired
    void configurePublisher(EventProcessingConfigurer configurer, AcknowledgedKafkaPublisher planKafkaPublisher) {
        PublishingProcessor.register(configurer, PlanEventPublisher.PROCESSING_GROUP, planKafkaPublisher);
    }
}
