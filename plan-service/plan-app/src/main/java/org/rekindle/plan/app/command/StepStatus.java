package org.rekindle.plan.app.command;

/** A plan step is open until completed or skipped; the coach can reopen it. */
enum StepStatus {
    OPEN, COMPLETED, SKIPPED
}
