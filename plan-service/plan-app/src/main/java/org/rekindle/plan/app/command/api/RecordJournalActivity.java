package org.rekindle.plan.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The client's journal recorded something that may complete a step (from rekindle.journal.v1). {@code periodId}
 * names the no-contact period for no-contact activity; {@code attemptDays} is how long a broken attempt lasted;
 * {@code contactInitiatedBy} (CLIENT or EX) is who started the contact that broke it (null otherwise).
 */
public record RecordJournalActivity(@TargetAggregateIdentifier String planId, String journalEventId,
                                    JournalActivity activity, String promptId, String periodId, Integer attemptDays,
                                    Instant occurredAt, String contactInitiatedBy) {

    /** Activity that is no contact (or whose initiator is not known). */
    public RecordJournalActivity(String planId, String journalEventId, JournalActivity activity, String promptId,
                                 String periodId, Integer attemptDays, Instant occurredAt) {
        this(planId, journalEventId, activity, promptId, periodId, attemptDays, occurredAt, null);
    }
}
