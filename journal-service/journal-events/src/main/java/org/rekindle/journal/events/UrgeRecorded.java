package org.rekindle.journal.events;

import java.time.Instant;

/**
 * The client felt an urge to make contact and recorded whether they resisted it.
 * <p>Type {@value #TYPE} on topic {@value JournalTopic#NAME}, keyed by client id.
 */
public record UrgeRecorded(String clientId, String urgeId, boolean resisted, Instant occurredAt) {

    public static final String TYPE = "rekindle.journal.UrgeRecorded.v1";
}
