package org.rekindle.plan.app.messaging.in.deadlines;

import org.rekindle.platform.schedule.WorkKind;

/**
 * Every kind of work plan-service puts in its persisted schedule, all scheduled by {@link PlanDeadlines}; the handler
 * of each returns the same constant from {@code kind()}.
 */
enum PlanWork implements WorkKind {
    /** A step's due day ended (or it was reopened): run by {@link StepOverdueCheck}. */
    STEP_OVERDUE("plan-step-overdue"),
    /** A running no-contact attempt reaches its target: run by {@link NoContactTargetCheck}. */
    NO_CONTACT_TARGET("plan-no-contact-target");

    private final String storedName;

    PlanWork(String storedName) {
        this.storedName = storedName;
    }

    @Override
    public String storedName() {
        return storedName;
    }

    /** The key of one occurrence of this work: the stored name, then its parts (as stored before kinds were types). */
    String key(String... parts) {
        return storedName + ":" + String.join(":", parts);
    }
}
