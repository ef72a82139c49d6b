package org.rekindle.plan.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The client began a no-contact period while the plan runs. When the plan has an open no-contact step with a
 * target, {@code targetReachedAt} is when the step completes if the attempt is still running then.
 */
@Revision("1")
public record NoContactAttemptStarted(String planId, String clientId, String periodId, String journalEventId,
                                      Instant startedAt, String stepId, Instant targetReachedAt) {
}
