package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The no-contact period ended; its last attempt lasted {@code attemptDays} whole days. */
@Revision("1")
public record NoContactEnded(String clientId, String periodId, String reason, int attemptDays, Instant endedAt) implements JournalEvent {
}
