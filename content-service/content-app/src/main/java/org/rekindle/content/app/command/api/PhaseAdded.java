package org.rekindle.content.app.command.api;

import org.axonframework.serialization.Revision;

/** A phase was added to the draft. */
@Revision("1")
public record PhaseAdded(String programId, String phaseId, String title) {
}
