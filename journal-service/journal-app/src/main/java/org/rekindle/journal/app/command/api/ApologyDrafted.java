package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An apology was drafted (version 1). */
@Revision("1")
public record ApologyDrafted(String clientId, String entryId, String text, int version, Instant occurredAt) implements JournalEvent {
}
