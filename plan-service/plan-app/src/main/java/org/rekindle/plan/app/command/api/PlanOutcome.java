package org.rekindle.plan.app.command.api;

/** Where a plan stands or ended up. Moving on is a good outcome; REPLACED only by assigning a replacement. */
public enum PlanOutcome {
    ACTIVE, RECONCILED, MOVED_ON, PAUSED, ENDED, REPLACED
}
