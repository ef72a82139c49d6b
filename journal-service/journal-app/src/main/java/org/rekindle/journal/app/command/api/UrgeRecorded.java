package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An urge to make contact was recorded. */
@Revision("1")
public record UrgeRecorded(String clientId, String urgeId, boolean resisted, String note, Instant occurredAt) implements JournalEvent {
}
