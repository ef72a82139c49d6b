package org.rekindle.plan.app.messaging.in.deadlines;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.rekindle.plan.app.command.api.NoContactAttemptRejudged;
import org.rekindle.plan.app.command.api.NoContactAttemptStarted;
import org.rekindle.plan.app.command.api.PlanAssigned;
import org.rekindle.plan.app.command.api.StepReopened;
import org.rekindle.platform.schedule.WorkSchedule;
import org.springframework.stereotype.Component;

import java.time.ZoneId;

/**
 * Schedules the plan's time-based checks in the persisted work schedule: each step at the end of its due day, a
 * reopened step at once, a running no-contact attempt at its target. Keys name the occurrence, so a replay of this
 * processor schedules nothing twice. Time is an input like Kafka: the kinds of work are {@link PlanWork}, and
 * {@link StepOverdueCheck} and {@link NoContactTargetCheck} turn due work into commands.
 */
@Component
@ProcessingGroup(PlanDeadlines.PROCESSING_GROUP)
class PlanDeadlines {

    static final String PROCESSING_GROUP = "plan-deadlines";

    private final WorkSchedule schedule;

    PlanDeadlines(WorkSchedule schedule) {
        this.schedule = schedule;
    }

    @EventHandler
    void on(PlanAssigned e) {
        ZoneId zone = ZoneId.of(e.timezone());
        e.steps().forEach(step -> schedule.schedule(
                PlanWork.STEP_OVERDUE.key(e.planId(), step.stepId()), PlanWork.STEP_OVERDUE,
                step.dueDate().plusDays(1).atStartOfDay(zone).toInstant(), StepOverdueCheck.payload(e.planId(),
                                                                                                    step.stepId())));
    }

    @EventHandler
    void on(StepReopened e, EventMessage<?> message) {
        schedule.schedule(PlanWork.STEP_OVERDUE.key(e.planId(), e.stepId(), message.getIdentifier()),
                          PlanWork.STEP_OVERDUE, e.reopenedAt(), StepOverdueCheck.payload(e.planId(), e.stepId()));
    }

    @EventHandler
    void on(NoContactAttemptStarted e) {
        if (e.targetReachedAt() != null) {
            schedule.schedule(PlanWork.NO_CONTACT_TARGET.key(e.planId(), e.journalEventId()),
                              PlanWork.NO_CONTACT_TARGET, e.targetReachedAt(),
                              new Document("planId", e.planId()).append("periodId", e.periodId()));
        }
    }

    /** An attempt a rule change judged again runs towards a (possibly new) target: checked then, keyed by that target. */
    @EventHandler
    void on(NoContactAttemptRejudged e) {
        if (e.targetReachedAt() != null) {
            schedule.schedule(PlanWork.NO_CONTACT_TARGET.key(e.planId(), e.journalEventId(),
                                                             e.targetReachedAt().toString()),
                              PlanWork.NO_CONTACT_TARGET, e.targetReachedAt(),
                              new Document("planId", e.planId()).append("periodId", e.periodId()));
        }
    }
}
