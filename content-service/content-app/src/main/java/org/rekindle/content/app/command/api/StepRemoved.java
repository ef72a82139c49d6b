package org.rekindle.content.app.command.api;

import org.axonframework.serialization.Revision;

/** A step was removed from the draft. */
@Revision("1")
public record StepRemoved(String programId, String stepId) {
}
