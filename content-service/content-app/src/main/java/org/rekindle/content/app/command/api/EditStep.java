package org.rekindle.content.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a step of the draft (its id stays). */
public record EditStep(@TargetAggregateIdentifier String programId, Step step) {
}
