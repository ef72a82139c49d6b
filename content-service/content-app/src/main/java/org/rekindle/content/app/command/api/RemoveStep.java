package org.rekindle.content.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Remove a step from the draft. */
public record RemoveStep(@TargetAggregateIdentifier String programId, String stepId) {
}
