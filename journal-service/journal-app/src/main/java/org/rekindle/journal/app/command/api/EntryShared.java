package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An entry was shared with the coach. */
@Revision("1")
public record EntryShared(String clientId, String entryId, Instant occurredAt) implements JournalEvent {
}
