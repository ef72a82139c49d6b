package org.rekindle.plan.app.query;

import org.rekindle.plan.app.query.dashboard.CoachConsent;
import org.rekindle.plan.app.query.dashboard.ConsentScope;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan with every step's state, as its reader may see it. A coach reads it through the client's consent
 * ({@code coachSees}, absent when the client reads their own plan): without {@code PLAN_PROGRESS} the steps keep
 * what the coach assigned (title, kind, due day) and lose their state. A replaced plan names its replacement.
 */
public record PlanView(String planId, String clientId, String coachId, String programId, int programVersion,
                       LocalDate startDate, String timezone, boolean replyToExCountsAsBreach, String outcome,
                       boolean paused, Replacement replacedBy, Instant assignedAt, List<StepView> steps,
                       List<String> coachSees) {

    /** The plan assigned in this one's place, why, and when; null unless the outcome is REPLACED. */
    public record Replacement(String planId, String reason, Instant at) {
    }

    /** The plan as the client's coach may see it under the client's current consent. */
    public PlanView forCoach(CoachConsent consent) {
        List<StepView> shown = consent.sees(ConsentScope.PLAN_PROGRESS) ? steps
                               : steps.stream().map(StepView::withoutState).toList();
        return new PlanView(planId, clientId, coachId, programId, programVersion, startDate, timezone,
                            replyToExCountsAsBreach, outcome, paused, replacedBy, assignedAt, shown,
                            consent.names());
    }
}
