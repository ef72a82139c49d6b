package org.rekindle.plan.app.messaging.out;

import org.rekindle.plan.app.command.api.BreachRules;
import org.rekindle.plan.app.command.api.BreachRulesChanged;
import org.rekindle.plan.app.command.api.OutcomeChanged;
import org.rekindle.plan.app.command.api.PlanAssigned;
import org.rekindle.plan.app.command.api.PlanReplaced;
import org.rekindle.plan.app.command.api.PlanPaused;
import org.rekindle.plan.app.command.api.PlanResumed;
import org.rekindle.plan.app.command.api.StepCompleted;
import org.rekindle.plan.app.command.api.StepOverdue;
import org.rekindle.plan.app.command.api.StepReopened;
import org.rekindle.plan.app.command.api.StepSkipped;
import org.rekindle.plan.events.PlanBreachRules;
import org.rekindle.plan.events.PlanEventTypes;
import org.rekindle.plan.events.PlanStep;
import org.rekindle.platform.publishing.IntegrationEvent;

import java.util.Optional;

/** Maps domain events to the public contract in {@code plan-events}; counted check-ins and the
 * no-contact attempts the plan tracks are internal (journal-service publishes those). */
final class PlanIntegrationEvents {

    private PlanIntegrationEvents() {
    }

    static Optional<IntegrationEvent> from(Object event) {
        Record published = null;
        String clientId = null;
        if (event instanceof PlanAssigned e) {
            clientId = e.clientId();
            published = new org.rekindle.plan.events.PlanAssigned(e.planId(), e.clientId(), e.coachId(),
                    e.programId(), e.programVersion(), e.startDate(), e.timezone(), e.replyToExCountsAsBreach(),
                    e.steps().stream().map(s -> new PlanStep(s.stepId(), s.phaseId(), s.kind(), s.title(),
                                                             s.dueDate())).toList(), e.assignedAt());
        } else if (event instanceof StepCompleted e) {
            clientId = e.clientId();
            published = new org.rekindle.plan.events.PlanStepCompleted(e.planId(), e.clientId(), e.stepId(),
                    e.completedBy().name(), e.causeEventId(), e.completedAt());
        } else if (event instanceof StepReopened e) {
            clientId = e.clientId();
            published = new org.rekindle.plan.events.PlanStepReopened(e.planId(), e.clientId(), e.stepId(),
                                                                       e.reopenedAt());
        } else if (event instanceof StepOverdue e) {
            clientId = e.clientId();
            published = new org.rekindle.plan.events.PlanStepOverdue(e.planId(), e.clientId(), e.stepId(), e.dueDate(),
                                                                      e.overdueSince(), e.detectedAt());
        } else if (event instanceof StepSkipped e) {
            clientId = e.clientId();
            published = new org.rekindle.plan.events.PlanStepSkipped(e.planId(), e.clientId(), e.stepId(), e.reason(),
                                                                      e.skippedAt());
        } else if (event instanceof PlanPaused e) {
            clientId = e.clientId();
            published = new org.rekindle.plan.events.PlanPaused(e.planId(), e.clientId(), e.pausedAt());
        } else if (event instanceof PlanResumed e) {
            clientId = e.clientId();
            published = new org.rekindle.plan.events.PlanResumed(e.planId(), e.clientId(), e.resumedAt());
        } else if (event instanceof OutcomeChanged e) {
            clientId = e.clientId();
            published = new org.rekindle.plan.events.PlanOutcomeChanged(e.planId(), e.clientId(), e.outcome().name(),
                                                                         e.changedAt());
        } else if (event instanceof BreachRulesChanged e) {
            clientId = e.clientId();
            published = new org.rekindle.plan.events.PlanBreachRulesChanged(e.planId(), e.clientId(),
                    published(e.previous()), published(e.rules()), e.effectiveFrom(), e.effectiveAt(),
                    e.retroactive(), e.reason(), e.changedBy(), e.changedAt());
        } else if (event instanceof PlanReplaced e) {
            clientId = e.clientId();
            published = new org.rekindle.plan.events.PlanReplaced(e.planId(), e.clientId(), e.replacementPlanId(),
                                                                   e.reason(), e.replacedAt());
        }
        return published == null ? Optional.empty()
                                  : Optional.of(new IntegrationEvent(PlanEventTypes.typeOf(published), clientId,
                                                                     published));
    }

    private static PlanBreachRules published(BreachRules rules) {
        return new PlanBreachRules(rules.replyToExCountsAsBreach(), rules.exContactRestartsPeriod(),
                                   rules.noContactTargetDays());
    }
}
