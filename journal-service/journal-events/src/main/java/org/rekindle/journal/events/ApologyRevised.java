package org.rekindle.journal.events;

import java.time.Instant;

/**
 * The client revised an apology draft; {@code version} is the new version number.
 * <p>Type {@value #TYPE} on topic {@value JournalTopic#NAME}, keyed by client id.
 */
public record ApologyRevised(String clientId, String entryId, int version, Instant occurredAt) {

    public static final String TYPE = "rekindle.journal.ApologyRevised.v1";
}
