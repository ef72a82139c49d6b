package org.rekindle.content.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a step at the end of a phase of the draft. */
public record AddStep(@TargetAggregateIdentifier String programId, String phaseId, Step step) {
}
