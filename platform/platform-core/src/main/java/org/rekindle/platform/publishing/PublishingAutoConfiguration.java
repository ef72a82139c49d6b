package org.rekindle.platform.publishing;

import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;

/**
 * The publication side every service shares, set up from its {@link Publication}: the topic (partitions and
 * replicas from {@code rekindle.publishing.topic-partitions|replicas}), the {@link AcknowledgedKafkaPublisher}, and
 * the interceptor that makes the publishing processor wait for acknowledgements. (That a failed send fails the batch
 * instead of being skipped is the default for every processor, see {@code AxonProcessingAutoConfiguration}.)
 */
@AutoConfiguration
@ConditionalOnBean(Publication.class)
public class PublishingAutoConfiguration {

    @Bean
    public static NewTopic publishedTopic(Publication publication,
                                   @Value("${rekindle.publishing.topic-partitions:3}") int partitions,
                                   @Value("${rekindle.publishing.topic-replicas:1}") short replicas) {
        return TopicBuilder.name(publication.topic()).partitions(partitions).replicas(replicas).build();
    }

    @Bean
    public static AcknowledgedKafkaPublisher acknowledgedKafkaPublisher(Publication publication,
                                                                 KafkaTemplate<String, String> kafkaTemplate) {
        return new AcknowledgedKafkaPublisher(kafkaTemplate, publication.topic(), publication.source(),
                                              Duration.ofSeconds(45));
    }

    @Autowired
    void publishingProcessor(EventProcessingConfigurer configurer, Publication publication,
                             AcknowledgedKafkaPublisher publisher) {
        configurer.registerHandlerInterceptor(publication.processingGroup(), c -> publisher.awaitAcknowledgements());
    }
}
