package org.rekindle.content.app.command.api;

import org.axonframework.serialization.Revision;

/** A step of the draft was replaced. */
@Revision("1")
public record StepEdited(String programId, Step step) {
}
