package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Contact happened during a no-contact period: the attempt that ended lasted {@code attemptDays} whole days; a new attempt starts at {@code occurredAt}. */
@Revision("1")
public record NoContactBroken(String clientId, String periodId, String breachId, Channel channel, InitiatedBy initiatedBy, String note, int attemptDays, Instant occurredAt) implements JournalEvent {
}
