package org.rekindle.plan.app.messaging.in.deadlines;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored names and keys of plan-service's scheduled work are the strings stored before the kinds were types:
 * work waiting in {@code scheduled_work} keeps running, and a replay of PlanDeadlines schedules nothing twice.
 */
class PlanWorkTest {

    @Test
    void storedNamesAndKeysAreTheOnesWorkWasStoredUnder() {
        assertThat(PlanWork.STEP_OVERDUE.storedName()).isEqualTo("plan-step-overdue");
        assertThat(PlanWork.NO_CONTACT_TARGET.storedName()).isEqualTo("plan-no-contact-target");
        assertThat(PlanWork.STEP_OVERDUE.key("plan-1", "step-2")).isEqualTo("plan-step-overdue:plan-1:step-2");
        assertThat(PlanWork.NO_CONTACT_TARGET.key("plan-1", "evt-3")).isEqualTo("plan-no-contact-target:plan-1:evt-3");
    }
}
