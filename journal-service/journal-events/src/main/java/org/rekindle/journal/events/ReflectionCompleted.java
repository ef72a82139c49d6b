package org.rekindle.journal.events;

import java.time.Instant;

/**
 * The client completed a reflection answering prompt {@code promptId}. The text stays in journal-service.
 * <p>Type {@value #TYPE} on topic {@value JournalTopic#NAME}, keyed by client id.
 */
public record ReflectionCompleted(String clientId, String entryId, String promptId, Instant occurredAt) {

    public static final String TYPE = "rekindle.journal.ReflectionCompleted.v1";
}
