package org.rekindle.plan.app.messaging.in.deadlines;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.rekindle.plan.app.command.api.MarkStepOverdue;
import org.rekindle.platform.schedule.ScheduledWork;
import org.rekindle.platform.schedule.ScheduledWorkHandler;
import org.rekindle.platform.schedule.WorkKind;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** When a step's due day has ended, asks the plan whether the step is overdue (it decides; running twice is safe). */
@Component
class StepOverdueCheck implements ScheduledWorkHandler {

    private final CommandGateway commands;
    private final Clock clock;

    StepOverdueCheck(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    static Document payload(String planId, String stepId) {
        return new Document("planId", planId).append("stepId", stepId);
    }

    @Override
    public WorkKind kind() {
        return PlanWork.STEP_OVERDUE;
    }

    @Override
    public void run(ScheduledWork work) {
        commands.sendAndWait(new MarkStepOverdue(work.payload().getString("planId"), work.payload().getString("stepId"),
                                                 clock.instant()));
    }
}
