package org.rekindle.content.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move a step of the draft to another place in its phase: position 1 is first. */
public record MoveStep(@TargetAggregateIdentifier String programId, String stepId, int position) {
}
