package org.rekindle.content.app.config;

import org.rekindle.content.app.messaging.out.ContentEventPublisher;
import org.rekindle.content.events.ContentTopic;
import org.rekindle.platform.publishing.Publication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What this service publishes; platform-core sets up the topic, the publisher and its processor from it. */
@Configuration
class ContentPublication {

    @Bean
    Publication publication() {
        return new Publication(ContentTopic.NAME, "/rekindle/content-service", ContentEventPublisher.PROCESSING_GROUP);
    }
}
