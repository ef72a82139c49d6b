package org.rekindle.plan.app.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.rekindle.plan.app.query.PlanCollections;
import org.rekindle.platform.readmodel.ReadYourWrites;
import org.springframework.stereotype.Component;

/**
 * A change to a plan answers once the plan's read model shows it (its document's position has reached the plan's
 * last event; at most {@link ReadYourWrites#PATIENCE}), so the page the coach or client returns to shows it too.
 */
@Component
class PlanWrites {

    private final CommandGateway commands;
    private final ReadYourWrites readYourWrites;
    private final PlanCollections collections;

    PlanWrites(CommandGateway commands, EventStore eventStore, PlanCollections collections) {
        this.commands = commands;
        this.readYourWrites = new ReadYourWrites(eventStore);
        this.collections = collections;
    }

    /** A command that answers without changing the plan (a preview): its answer. */
    <R> R ask(Object command) {
        return commands.sendAndWait(command);
    }

    void send(String planId, Object command) {
        commands.sendAndWait(command);
        readYourWrites.await(collections.plans(), planId);
    }
}
