package org.rekindle.journal.events;

import java.time.Instant;

/**
 * A client booked a session with their coach, {@code start} to {@code end}. {@code zone} is the coach's IANA zone,
 * the one the slot was offered in (show the time there, or in the reader's own zone). A change to the session
 * comes as {@link SessionRescheduled} or {@link SessionCancelled} with the same {@code sessionId}; the booking itself
 * is change 0 (the .ics SEQUENCE).
 * <p>Type {@value #TYPE} on topic {@value JournalTopic#NAME}, keyed by client id.
 */
public record SessionBooked(String clientId, String coachId, String sessionId, Instant start, Instant end,
                            String zone, Instant bookedAt) {

    public static final String TYPE = "rekindle.journal.SessionBooked.v1";
}
