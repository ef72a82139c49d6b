package org.rekindle.journal.events;

import java.time.Instant;

/**
 * The coach recorded how the session {@code start}..{@code end} ({@code zone}: the coach's IANA zone) went:
 * {@code outcome} is {@code ATTENDED} or {@code NO_SHOW}. The coach's notes never leave journal-service.
 * <p>Type {@value #TYPE} on topic {@value JournalTopic#NAME}, keyed by client id.
 */
public record SessionOutcomeRecorded(String clientId, String coachId, String sessionId, String outcome,
                                     Instant start, Instant end, String zone, Instant recordedAt) {

    public static final String TYPE = "rekindle.journal.SessionOutcomeRecorded.v1";
}
