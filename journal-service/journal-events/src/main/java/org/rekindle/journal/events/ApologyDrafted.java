package org.rekindle.journal.events;

import java.time.Instant;

/**
 * The client drafted an apology (version 1). The text stays in journal-service; nothing is ever sent to the ex.
 * <p>Type {@value #TYPE} on topic {@value JournalTopic#NAME}, keyed by client id.
 */
public record ApologyDrafted(String clientId, String entryId, int version, Instant occurredAt) {

    public static final String TYPE = "rekindle.journal.ApologyDrafted.v1";
}
