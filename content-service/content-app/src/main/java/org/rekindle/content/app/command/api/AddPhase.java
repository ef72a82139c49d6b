package org.rekindle.content.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a phase at the end of the draft. */
public record AddPhase(@TargetAggregateIdentifier String programId, String phaseId, String title) {
}
