package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An entry stopped being shared with the coach. */
@Revision("1")
public record EntryUnshared(String clientId, String entryId, Instant occurredAt) implements JournalEvent {
}
