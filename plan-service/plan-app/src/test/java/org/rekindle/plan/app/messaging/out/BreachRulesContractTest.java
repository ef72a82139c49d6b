package org.rekindle.plan.app.messaging.out;

import org.junit.jupiter.api.Test;
import org.rekindle.plan.app.query.dashboard.ContactRules;
import org.rekindle.plan.events.PlanBreachRules;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's breach rules ({@link ContactRules}) count contact exactly as the published contract says consumers
 * should ({@link PlanBreachRules}, used by journal- and notification-service): every rule, every initiator, and the
 * rules from the choice made at assignment.
 */
class BreachRulesContractTest {

    @Test
    void theDashboardCountsContactAsThePublishedRulesSay() {
        List<String> initiators = Arrays.asList("CLIENT", "EX", null, "SOMEONE");
        for (boolean reply : new boolean[]{true, false}) {
            for (boolean restarts : new boolean[]{true, false}) {
                for (Integer target : Arrays.asList(null, 45)) {
                    ContactRules dashboard = new ContactRules(reply, restarts, target);
                    PlanBreachRules published = new PlanBreachRules(reply, restarts, target);
                    for (String initiator : initiators) {
                        String combination = reply + "/" + restarts + "/" + target + "/" + initiator;
                        assertThat(dashboard.countsAsBreach(initiator)).as(combination)
                                .isEqualTo(published.countsAsBreach(initiator));
                        assertThat(dashboard.restartsAttempt(initiator)).as(combination)
                                .isEqualTo(published.restartsAttempt(initiator));
                    }
                }
            }
            ContactRules assigned = ContactRules.assigned(reply);
            PlanBreachRules published = PlanBreachRules.assigned(reply);
            assertThat(List.of(assigned.replyToExCountsAsBreach(), assigned.exContactRestartsPeriod()))
                    .isEqualTo(List.of(published.replyToExCountsAsBreach(), published.exContactRestartsPeriod()));
            assertThat(assigned.noContactTargetDays()).isEqualTo(published.noContactTargetDays());
        }
    }
}
