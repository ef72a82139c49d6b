package org.rekindle.content.app.command.api;

import org.axonframework.serialization.Revision;

/** A step of the draft now stands at {@code position} of its phase (1 is first); the others keep their order. */
@Revision("1")
public record StepMoved(String programId, String stepId, int position) {
}
