package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A reflection answering a prompt was completed. */
@Revision("1")
public record ReflectionCompleted(String clientId, String entryId, String promptId, String text, Instant occurredAt) implements JournalEvent {
}
