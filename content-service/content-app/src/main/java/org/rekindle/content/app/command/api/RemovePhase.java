package org.rekindle.content.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Remove a phase and its steps from the draft. */
public record RemovePhase(@TargetAggregateIdentifier String programId, String phaseId) {
}
