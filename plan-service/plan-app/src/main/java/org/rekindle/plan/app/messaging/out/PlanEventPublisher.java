package org.rekindle.plan.app.messaging.out;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.rekindle.platform.publishing.AcknowledgedKafkaPublisher;
import org.springframework.stereotype.Component;

/** Publishes plan events to {@code rekindle.plan.v1}, keyed by client id. */
@Component
@ProcessingGroup(PlanEventPublisher.PROCESSING_GROUP)
public class PlanEventPublisher {

    public static final String PROCESSING_GROUP = "plan-publisher";

    private final AcknowledgedKafkaPublisher publisher;

    PlanEventPublisher(AcknowledgedKafkaPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(Object domainEvent, EventMessage<?> message) {
        PlanIntegrationEvents.from(domainEvent).ifPresent(event -> publisher.publish(message, event));
    }
}
