package org.rekindle.plan.app.command;

import java.time.Instant;

/** The no-contact attempt running now, as the plan learnt it from the journal. */
record RunningAttempt(String periodId, String journalEventId, Instant startedAt, String stepId,
                      Instant targetReachedAt) {
}
