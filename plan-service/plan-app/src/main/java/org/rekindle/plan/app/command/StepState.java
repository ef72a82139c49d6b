package org.rekindle.plan.app.command;

import org.rekindle.plan.app.command.api.AssignedStep;

/** What the plan remembers of a step to judge later commands and journal activity. */
record StepState(AssignedStep step, StepStatus status, int countedCheckIns, boolean overdueReported) {

    static StepState open(AssignedStep step) {
        return new StepState(step, StepStatus.OPEN, 0, false);
    }

    StepState with(StepStatus newStatus) {
        return new StepState(step, newStatus, countedCheckIns, newStatus == StepStatus.OPEN ? false : overdueReported);
    }

    StepState counted(int counted) {
        return new StepState(step, status, counted, overdueReported);
    }

    StepState overdue() {
        return new StepState(step, status, countedCheckIns, true);
    }

    boolean isOpen() {
        return status == StepStatus.OPEN;
    }
}
