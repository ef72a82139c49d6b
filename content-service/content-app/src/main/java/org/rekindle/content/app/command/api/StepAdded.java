package org.rekindle.content.app.command.api;

import org.axonframework.serialization.Revision;

/** A step was added to a phase of the draft. */
@Revision("1")
public record StepAdded(String programId, String phaseId, Step step) {
}
