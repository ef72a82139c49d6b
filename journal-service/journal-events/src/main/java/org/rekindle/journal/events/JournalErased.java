package org.rekindle.journal.events;

import java.time.Instant;

/**
 * The client erased their journal (right to erasure): consumers delete what they keep about the client's journal
 * (moods, contact facts, notifications derived from them).
 * <p>Type {@value #TYPE} on topic {@value JournalTopic#NAME}, keyed by client id.
 */
public record JournalErased(String clientId, Instant erasedAt) {

    public static final String TYPE = "rekindle.journal.JournalErased.v1";
}
