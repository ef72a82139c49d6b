package org.rekindle.journal.app.config;

import org.rekindle.journal.app.messaging.out.JournalEventPublisher;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.platform.publishing.Publication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What this service publishes; platform-core sets up the topic, the publisher and its processor from it. */
@Configuration
class JournalPublication {

    @Bean
    Publication publication() {
        return new Publication(JournalTopic.NAME, "/rekindle/journal-service", JournalEventPublisher.PROCESSING_GROUP);
    }
}
