package org.rekindle.journal.events;

import java.time.Instant;

/**
 * The client had contact during a no-contact period; the attempt that ended lasted {@code attemptDays} whole days and a new attempt starts at {@code occurredAt}. {@code channel} is one of CALL, TEXT, MESSAGE, SOCIAL_MEDIA, IN_PERSON; {@code initiatedBy} is CLIENT or EX.
 * <p>Type {@value #TYPE} on topic {@value JournalTopic#NAME}, keyed by client id.
 */
public record NoContactBroken(String clientId, String periodId, String breachId, String channel, String initiatedBy, int attemptDays, Instant occurredAt) {

    public static final String TYPE = "rekindle.journal.NoContactBroken.v1";
}
