package org.rekindle.journal.events;

import java.time.Instant;

/**
 * The client shared a journal entry with their coach.
 * <p>Type {@value #TYPE} on topic {@value JournalTopic#NAME}, keyed by client id.
 */
public record EntryShared(String clientId, String entryId, Instant occurredAt) {

    public static final String TYPE = "rekindle.journal.EntryShared.v1";
}
