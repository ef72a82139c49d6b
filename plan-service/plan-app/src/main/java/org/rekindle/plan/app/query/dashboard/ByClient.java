package org.rekindle.plan.app.query.dashboard;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.stereotype.Component;

/**
 * The coach dashboard's sequencing policy ({@code axon.eventhandling.processors.coach-dashboard.sequencing-policy}):
 * every event of a client goes to the same segment, so a client's row, timeline days and indexes have one writer
 * however many segments the processor has. The default (per aggregate) would spread a client's Kafka records over
 * the segments by message id: they carry no aggregate.
 */
@Component(ByClient.BEAN)
class ByClient implements SequencingPolicy<EventMessage<?>> {

    static final String BEAN = "dashboardByClient";

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        return event.getPayload() instanceof ClientEvent clientEvent ? clientEvent.clientId() : event.getIdentifier();
    }
}
