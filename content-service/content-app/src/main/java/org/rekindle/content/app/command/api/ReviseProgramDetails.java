package org.rekindle.content.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change the draft's title and summary. */
public record ReviseProgramDetails(@TargetAggregateIdentifier String programId, String title, String summary) {
}
