package org.rekindle.plan.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A change of the breach rules judged the period's tracked attempt again: under the new rules it runs from
 * {@code startedAt} (the period's start, {@code journalEventId}) towards the step's target at {@code targetReachedAt}
 * (null without an open no-contact step), or, with {@code startedAt} null, it no longer runs (a contact now ends it).
 */
@Revision("1")
public record NoContactAttemptRejudged(String planId, String clientId, String periodId, String journalEventId,
                                       Instant startedAt, String stepId, Instant targetReachedAt,
                                       Instant rejudgedAt) {
}
