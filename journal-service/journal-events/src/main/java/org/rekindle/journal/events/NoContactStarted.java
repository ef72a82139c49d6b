package org.rekindle.journal.events;

import java.time.Instant;

/**
 * The client began a no-contact period with a target number of days.
 * <p>Type {@value #TYPE} on topic {@value JournalTopic#NAME}, keyed by client id.
 */
public record NoContactStarted(String clientId, String periodId, int targetDays, Instant startedAt) {

    public static final String TYPE = "rekindle.journal.NoContactStarted.v1";
}
