package org.rekindle.plan.app.config;

import org.rekindle.plan.app.messaging.out.PlanEventPublisher;
import org.rekindle.plan.events.PlanTopic;
import org.rekindle.platform.publishing.Publication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What this service publishes; platform-core sets up the topic, the publisher and its processor from it. */
@Configuration
class PlanPublication {

    @Bean
    Publication publication() {
        return new Publication(PlanTopic.NAME, "/rekindle/plan-service", PlanEventPublisher.PROCESSING_GROUP);
    }
}
