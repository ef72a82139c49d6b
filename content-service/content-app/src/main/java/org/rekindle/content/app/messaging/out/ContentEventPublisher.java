package org.rekindle.content.app.messaging.out;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.rekindle.platform.publishing.AcknowledgedKafkaPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes published versions and retirements to {@code rekindle.content.v1}. Draft edits stay inside the
 * service: only what plans can be assigned from is public.
 */
@Component
@ProcessingGroup(ContentEventPublisher.PROCESSING_GROUP)
public class ContentEventPublisher {

    public static final String PROCESSING_GROUP = "content-publisher";

    private final AcknowledgedKafkaPublisher publisher;

    ContentEventPublisher(AcknowledgedKafkaPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(Object domainEvent, EventMessage<?> message) {
        ContentIntegrationEvents.from(domainEvent).ifPresent(event -> publisher.publish(message, event));
    }
}
