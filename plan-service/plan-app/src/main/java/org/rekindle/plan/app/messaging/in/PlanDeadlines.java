package org.rekindle.plan.app.messaging.in;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.rekindle.plan.app.command.api.NoContactAttemptStarted;
import org.rekindle.plan.app.command.api.PlanAssigned;
import org.rekindle.plan.app.command.api.StepReopened;
import org.rekindle.platform.schedule.WorkSchedule;
import org.springframework.stereotype.Component;

import java.time.ZoneId;

/**
 * Schedules the plan's time-based checks in the persisted work schedule: each step at the end of its due day, a
 * reopened step at once, a running no-contact attempt at its target. Keys name the occurrence, so a replay of this
 * processor schedules nothing twice. Time is an input like Kafka: {@link StepOverdueCheck} and
 * {@link NoContactTargetCheck} turn due work into commands.
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
                StepOverdueCheck.KIND + ":" + e.planId() + ":" + step.stepId(), StepOverdueCheck.KIND,
                step.dueDate().plusDays(1).atStartOfDay(zone).toInstant(), StepOverdueCheck.payload(e.planId(),
                                                                                                    step.stepId())));
    }

    @EventHandler
    void on(StepReopened e, EventMessage<?> message) {
        schedule.schedule(StepOverdueCheck.KIND + ":" + e.planId() + ":" + e.stepId() + ":" + message.getIdentifier(),
                          StepOverdueCheck.KIND, e.reopenedAt(), StepOverdueCheck.payload(e.planId(), e.stepId()));
    }

    @EventHandler
    void on(NoContactAttemptStarted e) {
        if (e.targetReachedAt() != null) {
            schedule.schedule(NoContactTargetCheck.KIND + ":" + e.planId() + ":" + e.journalEventId(),
                              NoContactTargetCheck.KIND, e.targetReachedAt(),
                              new Document("planId", e.planId()).append("periodId", e.periodId()));
        }
    }
}
