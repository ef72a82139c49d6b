package org.rekindle.journal.events;

import java.time.Instant;

/**
 * A client or their coach sent the other a message, number {@code messageNumber} of their conversation (there is
 * one per client and coach, so the two ids name it). {@code sender} is {@code CLIENT} or {@code COACH}; the
 * recipient is the other one. The text never leaves journal-service: a consumer that tells the recipient links to
 * the conversation instead.
 * <p>Type {@value #TYPE} on topic {@value JournalTopic#NAME}, keyed by client id.
 */
public record MessageSent(String clientId, String coachId, int messageNumber, String sender, Instant sentAt) {

    public static final String TYPE = "rekindle.journal.MessageSent.v1";
}
