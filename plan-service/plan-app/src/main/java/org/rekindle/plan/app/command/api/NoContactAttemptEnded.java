package org.rekindle.plan.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The running no-contact attempt ended (broken or ended by the client) after the given number of whole days. */
@Revision("1")
public record NoContactAttemptEnded(String planId, String clientId, String periodId, String journalEventId, int days,
                                    Instant endedAt) {
}
