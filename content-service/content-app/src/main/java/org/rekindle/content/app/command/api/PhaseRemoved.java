package org.rekindle.content.app.command.api;

import org.axonframework.serialization.Revision;

/** A phase and its steps were removed from the draft. */
@Revision("1")
public record PhaseRemoved(String programId, String phaseId) {
}
