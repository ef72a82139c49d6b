package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A no-contact period began. */
@Revision("1")
public record NoContactStarted(String clientId, String periodId, int targetDays, Instant startedAt) implements JournalEvent {
}
