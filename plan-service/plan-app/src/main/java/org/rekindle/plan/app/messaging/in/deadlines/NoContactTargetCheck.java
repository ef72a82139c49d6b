package org.rekindle.plan.app.messaging.in.deadlines;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.rekindle.plan.app.command.api.ReachNoContactTarget;
import org.rekindle.platform.schedule.ScheduledWork;
import org.rekindle.platform.schedule.ScheduledWorkHandler;
import org.rekindle.platform.schedule.WorkKind;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** When a no-contact attempt would reach its target, asks the plan to complete the step if the attempt still runs. */
@Component
class NoContactTargetCheck implements ScheduledWorkHandler {

    private final CommandGateway commands;
    private final Clock clock;

    NoContactTargetCheck(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public WorkKind kind() {
        return PlanWork.NO_CONTACT_TARGET;
    }

    @Override
    public void run(ScheduledWork work) {
        commands.sendAndWait(new ReachNoContactTarget(work.payload().getString("planId"),
                                                      work.payload().getString("periodId"), clock.instant()));
    }
}
