package org.rekindle.plan.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The plan learnt a fact of the client's no-contact period it tracks: {@code fact} {@code CONTACT} (who initiated it,
 * CLIENT or EX) or {@code ENDED} (the client ended the period). Kept so that a change of the breach rules judges the
 * period's attempt again from the facts, whatever the rules said when each fact arrived.
 */
@Revision("1")
public record NoContactFactRecorded(String planId, String clientId, String periodId, String journalEventId,
                                    String fact, String initiatedBy, Instant occurredAt) {

    public static final String CONTACT = "CONTACT";
    public static final String ENDED = "ENDED";
}
