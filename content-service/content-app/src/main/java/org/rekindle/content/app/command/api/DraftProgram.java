package org.rekindle.content.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start a new program template as a draft. */
public record DraftProgram(@TargetAggregateIdentifier String programId, String title, String summary) {
}
