package org.rekindle.plan.app.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekindle.plan.app.command.api.AssignPlan;
import org.rekindle.plan.app.command.api.AssignedStep;
import org.rekindle.plan.app.command.api.BreachRules;
import org.rekindle.plan.app.command.api.BreachRulesChanged;
import org.rekindle.plan.app.command.api.PlanAssigned;
import org.rekindle.plan.app.command.api.PracticeBreachRulesSet;
import org.rekindle.plan.app.command.api.SetPracticeBreachRules;
import org.rekindle.plan.app.command.api.TemplateStep;
import org.rekindle.platform.command.ConflictingCommandException;
import org.rekindle.platform.command.InvalidCommandException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A practice's default breach rules: each setting a version; the rules already in force and bad input refused; a plan
 * assigned with the practice's default starts with it (a retroactive change in its own history when the default says
 * more than the reply rule).
 */
class PracticeBreachRulesTest {

    private static final String PRACTICE = "harbour";
    private static final String ID = SetPracticeBreachRules.aggregateId(PRACTICE);
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final BreachRules LENIENT = new BreachRules(false, false, 45);
    private static final BreachRules STRICT = BreachRules.assigned(true);

    private FixtureConfiguration<PracticeBreachRules> practices;
    private FixtureConfiguration<Plan> plans;

    @BeforeEach
    void setUp() {
        practices = new AggregateTestFixture<>(PracticeBreachRules.class);
        plans = new AggregateTestFixture<>(Plan.class);
    }

    private static SetPracticeBreachRules set(BreachRules rules, String reason) {
        return new SetPracticeBreachRules(ID, PRACTICE, rules, reason, "admin-harbour", NOW);
    }

    private static PracticeBreachRulesSet version(int version, BreachRules previous, BreachRules rules) {
        return new PracticeBreachRulesSet(ID, PRACTICE, version, previous, rules, "Our practice's way.",
                                          "admin-harbour", NOW);
    }

    @Test
    void eachSettingIsTheNextVersion() {
        practices.givenNoPriorActivity().when(set(LENIENT, "Our practice's way."))
                 .expectEvents(version(1, null, LENIENT));
        practices.given(version(1, null, LENIENT)).when(set(STRICT, "Our practice's way."))
                 .expectEvents(version(2, LENIENT, STRICT));
    }

    @Test
    void theRulesInForceAndBadInputAreRefused() {
        practices.given(version(1, null, LENIENT)).when(set(LENIENT, "again"))
                 .expectException(ConflictingCommandException.class).expectNoEvents();
        practices.givenNoPriorActivity().when(set(new BreachRules(false, false, 400), "r"))
                 .expectException(InvalidCommandException.class)
                 .expectExceptionMessage(org.hamcrest.Matchers.containsString("noContactTargetDays"));
        practices.givenNoPriorActivity().when(set(LENIENT, " "))
                 .expectException(InvalidCommandException.class)
                 .expectExceptionMessage(org.hamcrest.Matchers.containsString("reason"));
        practices.givenNoPriorActivity().when(set(null, "r")).expectException(InvalidCommandException.class);
        practices.givenNoPriorActivity()
                 .when(new SetPracticeBreachRules(ID, "other", LENIENT, "r", "admin-harbour", NOW))
                 .expectException(InvalidCommandException.class).expectNoEvents();
    }

    private static final LocalDate START = LocalDate.parse("2026-11-01");
    private static final List<TemplateStep> STEPS = List.of(
            new TemplateStep("nc", "no-contact", "NO_CONTACT_PERIOD", "No contact", 0, null, 30, null));

    private static AssignPlan assign(BreachRules practice, Integer version) {
        return new AssignPlan("plan-1", "client-1", "coach-1", "prog", 1, START, "UTC", false, STEPS, NOW, practice,
                              version);
    }

    private static PlanAssigned assigned(boolean reply) {
        return new PlanAssigned("plan-1", "client-1", "coach-1", "prog", 1, START, "UTC", reply, List.of(
                new AssignedStep("nc", "no-contact", "NO_CONTACT_PERIOD", "No contact", START, null, 30, null)), NOW);
    }

    @Test
    void aPlanAssignedWithThePracticesDefaultStartsWithIt() {
        plans.givenNoPriorActivity().when(assign(LENIENT, 3))
             .expectEvents(assigned(false), new BreachRulesChanged(
                     "plan-1", "client-1", BreachRules.assigned(false), LENIENT, START,
                     Instant.parse("2026-11-01T00:00:00Z"), true, "The practice's default rules (version 3).",
                     "coach-1", NOW));
        plans.givenNoPriorActivity().when(assign(STRICT, 2)).expectEvents(assigned(true));
        plans.givenNoPriorActivity().when(assign(null, null)).expectEvents(assigned(false));
    }
}
