package org.rekindle.content.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The program was retired. */
@Revision("1")
public record ProgramRetired(String programId, Instant retiredAt) {
}
