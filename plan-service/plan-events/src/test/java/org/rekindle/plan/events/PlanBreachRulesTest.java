package org.rekindle.plan.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlanBreachRulesTest {

    @Test
    void contactTheClientStartedAlwaysCountsAndRestarts() {
        PlanBreachRules lenient = new PlanBreachRules(false, false, null);
        assertThat(lenient.countsAsBreach("CLIENT")).isTrue();
        assertThat(lenient.restartsAttempt("CLIENT")).isTrue();
        assertThat(lenient.countsAsBreach(null)).isTrue();
    }

    @Test
    void aReplyToTheExCountsOnlyWhenTheRuleSaysSo() {
        assertThat(new PlanBreachRules(true, false, null).countsAsBreach(PlanBreachRules.EX)).isTrue();
        assertThat(new PlanBreachRules(false, true, null).countsAsBreach(PlanBreachRules.EX)).isFalse();
    }

    @Test
    void exContactRestartsTheAttemptOnlyWhenTheRuleSaysSo() {
        assertThat(new PlanBreachRules(false, true, null).restartsAttempt(PlanBreachRules.EX)).isTrue();
        assertThat(new PlanBreachRules(true, false, null).restartsAttempt(PlanBreachRules.EX)).isFalse();
    }

    @Test
    void theAssignedChoiceSetsBothRules() {
        assertThat(PlanBreachRules.assigned(true)).isEqualTo(new PlanBreachRules(true, true, null));
        assertThat(PlanBreachRules.assigned(false)).isEqualTo(new PlanBreachRules(false, false, null));
    }
}
