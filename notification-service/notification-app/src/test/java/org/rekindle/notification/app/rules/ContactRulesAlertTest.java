package org.rekindle.notification.app.rules;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coach's breach alert fires only for contact that is a breach under the plan's rules in force at the contact's
 * time: the rules the plan was assigned with, then each change from its effective time (of several, the one made
 * last); a change delivered twice is kept once. Contact that does not restart leaves the period (and its milestones)
 * running. The client is encouraged after any contact.
 */
class ContactRulesAlertTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
    private static final String CLIENT = "sam";
    private static final Preferences DEFAULTS = Preferences.defaults(CLIENT);
    private static final ContactRules.Verdict BREACH = new ContactRules.Verdict(true, true);
    private static final ContactRules.Verdict NOTHING = new ContactRules.Verdict(false, false);
    private static final Map<String, ContactRules.Verdict> STRICT = Map.of("CLIENT", BREACH, "EX", BREACH);
    private static final Map<String, ContactRules.Verdict> LENIENT = Map.of("CLIENT", BREACH, "EX", NOTHING);

    private final NotificationRules rules = new NotificationRules();

    private ClientFacts planned(Map<String, ContactRules.Verdict> assigned) {
        Instant at = NOW.minus(Duration.ofDays(10));
        ClientFacts facts = rules.on(ClientFacts.of(CLIENT), new ClientActivity.PlanAssigned(
                "p1", "rekindle.plan.PlanAssigned.v1", at, "plan-1", "maya", "UTC", List.of(), assigned), at, DEFAULTS)
                                 .facts();
        return rules.on(facts, new ClientActivity.NoContactStarted("s1", "rekindle.journal.NoContactStarted.v1", at,
                                                                    "nc1", 30), at, DEFAULTS).facts();
    }

    private ClientFacts changed(ClientFacts facts, String id, String planId, Instant effectiveAt, Instant changedAt,
                                Map<String, ContactRules.Verdict> verdicts) {
        return rules.on(facts, new ClientActivity.BreachRulesChanged(id, "rekindle.plan.PlanBreachRulesChanged.v1",
                                                                     changedAt, planId, effectiveAt, verdicts),
                        NOW, DEFAULTS).facts();
    }

    private Decision breach(ClientFacts facts, String id, String initiatedBy, Instant at) {
        return rules.on(facts, new ClientActivity.NoContactBroken(id, "rekindle.journal.NoContactBroken.v1", at, "nc1",
                                                                  "TEXT", initiatedBy, 3), NOW, DEFAULTS);
    }

    @Test
    void contactTheExStartedIsNoBreachWhenThePlanSaysSoAndThePeriodRunsOn() {
        Decision decision = breach(planned(LENIENT), "b1", "EX", NOW.minusSeconds(5));
        assertThat(decision.notices()).extracting(Notice::rule).containsExactly(Rule.ENCOURAGEMENT_AFTER_BREACH);
        assertThat(decision.facts().noContact().running()).as("milestones still come").isTrue();

        Decision byClient = breach(planned(LENIENT), "b2", "CLIENT", NOW.minusSeconds(5));
        assertThat(byClient.notices()).extracting(Notice::rule)
                .containsExactly(Rule.BREACH_REPORTED, Rule.ENCOURAGEMENT_AFTER_BREACH);
        assertThat(byClient.facts().noContact().running()).isFalse();

        assertThat(breach(planned(STRICT), "b3", "EX", NOW.minusSeconds(5)).notices()).extracting(Notice::rule)
                .containsExactly(Rule.BREACH_REPORTED, Rule.ENCOURAGEMENT_AFTER_BREACH);
    }

    @Test
    void aChangeAppliesFromItsEffectiveTimeAndTheOneMadeLastWins() {
        ClientFacts retroactive = changed(planned(STRICT), "c1", "plan-1", NOW.minus(Duration.ofDays(10)),
                                          NOW.minus(Duration.ofDays(1)), LENIENT);
        assertThat(breach(retroactive, "b1", "EX", NOW.minusSeconds(5)).notices()).extracting(Notice::rule)
                .containsExactly(Rule.ENCOURAGEMENT_AFTER_BREACH);

        ClientFacts fromTomorrow = changed(planned(STRICT), "c1", "plan-1", NOW.plus(Duration.ofDays(1)),
                                           NOW.minus(Duration.ofHours(1)), LENIENT);
        assertThat(breach(fromTomorrow, "b1", "EX", NOW.minusSeconds(5)).notices()).extracting(Notice::rule)
                .as("before the change's day the assigned rules hold")
                .containsExactly(Rule.BREACH_REPORTED, Rule.ENCOURAGEMENT_AFTER_BREACH);

        ClientFacts strictAgain = changed(retroactive, "c2", "plan-1", NOW.minus(Duration.ofDays(10)),
                                          NOW.minus(Duration.ofHours(1)), STRICT);
        ClientFacts redelivered = changed(strictAgain, "c1", "plan-1", NOW.minus(Duration.ofDays(10)),
                                          NOW.minus(Duration.ofDays(1)), LENIENT);
        assertThat(redelivered.contactRules().changes()).hasSize(2);
        assertThat(breach(redelivered, "b1", "EX", NOW.minusSeconds(5)).notices()).extracting(Notice::rule)
                .as("the later change wins, whatever arrived last")
                .containsExactly(Rule.BREACH_REPORTED, Rule.ENCOURAGEMENT_AFTER_BREACH);
    }

    @Test
    void anotherPlansChangeDoesNotApplyAndWithoutAPlanEveryContactIsABreach() {
        ClientFacts otherPlan = changed(planned(STRICT), "c1", "plan-0", NOW.minus(Duration.ofDays(10)),
                                        NOW.minus(Duration.ofDays(1)), LENIENT);
        assertThat(breach(otherPlan, "b1", "EX", NOW.minusSeconds(5)).notices()).extracting(Notice::rule)
                .containsExactly(Rule.BREACH_REPORTED, Rule.ENCOURAGEMENT_AFTER_BREACH);
        assertThat(ClientFacts.of(CLIENT).contactVerdict(NOW, "EX")).isEqualTo(BREACH);
    }
}
