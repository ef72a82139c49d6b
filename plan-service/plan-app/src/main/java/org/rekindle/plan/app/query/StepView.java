package org.rekindle.plan.app.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One step of a plan. What the coach assigned: id, phase, kind, title, due day and the kind's parameters (prompt,
 * target days, check-ins). Its state, which is the client's progress: status, who completed it and when, since when
 * it is overdue, check-ins counted so far, the reason it was skipped.
 */
public record StepView(String stepId, String phaseId, String kind, String title, LocalDate dueDate, String promptId,
                       Integer targetDays, Integer checkIns, String status, String completedBy, Instant completedAt,
                       Instant overdueSince, Integer counted, String reason) {

    StepView withoutState() {
        return new StepView(stepId, phaseId, kind, title, dueDate, promptId, targetDays, checkIns, null, null, null,
                            null, null, null);
    }
}
