package org.rekindle.plan.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The client's journal recorded something that may complete a step (from rekindle.journal.v1). */
public record RecordJournalActivity(@TargetAggregateIdentifier String planId, String journalEventId, JournalActivity activity, String promptId, Integer attemptDays, Instant occurredAt) {
}
