package org.rekindle.journal.events;

import java.time.Instant;

/**
 * A booked session moved from {@code previousStart} to {@code start}..{@code end} ({@code zone}: the coach's IANA
 * zone). {@code by} is {@code CLIENT} or {@code COACH}; the other side is the one to tell. {@code sequence} counts the
 * session's changes (1 for the first move; the .ics SEQUENCE). The reason given stays in journal-service (it is the
 * person's own words, sealed with the client's key): a consumer links to the session instead.
 * <p>Type {@value #TYPE} on topic {@value JournalTopic#NAME}, keyed by client id.
 */
public record SessionRescheduled(String clientId, String coachId, String sessionId, String by,
                                 Instant previousStart, Instant start, Instant end, String zone, int sequence,
                                 Instant rescheduledAt) {

    public static final String TYPE = "rekindle.journal.SessionRescheduled.v1";
}
