package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An apology draft was revised into {@code version}. */
@Revision("1")
public record ApologyRevised(String clientId, String entryId, String text, int version, Instant occurredAt) implements JournalEvent {
}
