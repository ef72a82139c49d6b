package org.rekindle.journal.events;

import java.time.Instant;

/**
 * The session that was to run {@code start}..{@code end} ({@code zone}: the coach's IANA zone) is cancelled.
 * {@code by} is {@code CLIENT} or {@code COACH}; the other side is the one to tell. {@code sequence} is one more than
 * the session's last change (the .ics SEQUENCE of the cancellation). The reason given stays in journal-service.
 * <p>Type {@value #TYPE} on topic {@value JournalTopic#NAME}, keyed by client id.
 */
public record SessionCancelled(String clientId, String coachId, String sessionId, String by, Instant start,
                               Instant end, String zone, int sequence, Instant cancelledAt) {

    public static final String TYPE = "rekindle.journal.SessionCancelled.v1";
}
