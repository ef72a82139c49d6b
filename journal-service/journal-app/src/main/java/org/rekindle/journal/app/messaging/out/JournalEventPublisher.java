package org.rekindle.journal.app.messaging.out;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.rekindle.platform.publishing.AcknowledgedKafkaPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes the journal's integration events to {@code rekindle.journal.v1}. A tracking processor over this
 * service's own event store: an event reaches Kafka only after it was stored, and the processor's token never
 * moves past an event Kafka has not acknowledged (see {@link AcknowledgedKafkaPublisher}).
 */
@Component
@ProcessingGroup(JournalEventPublisher.PROCESSING_GROUP)
public class JournalEventPublisher {

    public static final String PROCESSING_GROUP = "journal-publisher";

    private final AcknowledgedKafkaPublisher publisher;

    JournalEventPublisher(AcknowledgedKafkaPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(Object domainEvent, EventMessage<?> message) {
        JournalIntegrationEvents.from(domainEvent).ifPresent(event -> publisher.publish(message, event));
    }
}
