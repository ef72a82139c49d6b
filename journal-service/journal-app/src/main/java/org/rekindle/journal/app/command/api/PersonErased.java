package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A marked person was erased at the client's request: their key is deleted, so their names read as removed in every
 * text of the client, and their label with them. No name here, by design.
 */
@Revision("1")
public record PersonErased(String clientId, String personId, Instant erasedAt) implements JournalEvent {
}
