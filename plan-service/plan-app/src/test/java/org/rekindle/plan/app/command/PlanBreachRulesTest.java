package org.rekindle.plan.app.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekindle.plan.app.command.api.AssignedStep;
import org.rekindle.plan.app.command.api.BreachRules;
import org.rekindle.plan.app.command.api.BreachRulesChanged;
import org.rekindle.plan.app.command.api.ChangeBreachRules;
import org.rekindle.plan.app.command.api.OutcomeChanged;
import org.rekindle.plan.app.command.api.PlanAssigned;
import org.rekindle.plan.app.command.api.PlanOutcome;
import org.rekindle.plan.app.command.api.PlanPaused;
import org.rekindle.platform.command.ConflictingCommandException;
import org.rekindle.platform.command.InvalidCommandException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Changing how a plan counts contact: from a day, retroactively, and every refusal. */
class PlanBreachRulesTest {

    private static final String PLAN = "plan-1";
    private static final String CLIENT = "client-1";
    private static final LocalDate START = LocalDate.parse("2026-11-01");
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final String ZONE = "Europe/Lisbon";
    private static final BreachRules ASSIGNED = BreachRules.assigned(false);
    private static final BreachRules REPLIES_COUNT = new BreachRules(true, true, null);
    private static final PlanAssigned ASSIGNED_EVENT = new PlanAssigned(PLAN, CLIENT, "coach-1", "prog", 3, START, ZONE,
            false, List.of(new AssignedStep("nc", "no-contact", "NO_CONTACT_PERIOD", "No contact", START, null, 30,
                                            null)), NOW.minusSeconds(86_400 * 19));

    private FixtureConfiguration<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
    }

    private static ChangeBreachRules change(BreachRules rules, LocalDate from) {
        return new ChangeBreachRules(PLAN, rules, from, "We agreed replies count.", "coach-1", NOW);
    }

    @Test
    void aRetroactiveChangeAppliesFromThePlansStart() {
        fixture.given(ASSIGNED_EVENT).when(change(REPLIES_COUNT, null))
               .expectEvents(new BreachRulesChanged(PLAN, CLIENT, ASSIGNED, REPLIES_COUNT, START,
                                                    Instant.parse("2026-11-01T00:00:00Z"), true,
                                                    "We agreed replies count.", "coach-1", NOW));
    }

    @Test
    void aChangeFromADayStartsAtMidnightInTheClientsZoneAndNamesTheRulesItReplaces() {
        BreachRules exContactKeepsTheStreak = new BreachRules(false, false, 45);
        LocalDate from = LocalDate.parse("2026-11-10");
        fixture.given(ASSIGNED_EVENT).when(change(exContactKeepsTheStreak, from))
               .expectEvents(new BreachRulesChanged(PLAN, CLIENT, ASSIGNED, exContactKeepsTheStreak, from,
                                                    Instant.parse("2026-11-10T00:00:00Z"), false,
                                                    "We agreed replies count.", "coach-1", NOW));
    }

    @Test
    void aPausedPlansRulesCanChange() {
        fixture.given(ASSIGNED_EVENT, new PlanPaused(PLAN, CLIENT, NOW.minusSeconds(60)))
               .when(change(REPLIES_COUNT, null)).expectSuccessfulHandlerExecution();
        fixture.given(ASSIGNED_EVENT, new OutcomeChanged(PLAN, CLIENT, PlanOutcome.PAUSED, NOW.minusSeconds(60)))
               .when(change(REPLIES_COUNT, null)).expectSuccessfulHandlerExecution();
    }

    @Test
    void rulesAlreadyInForceAreRefused() {
        fixture.given(ASSIGNED_EVENT).when(change(ASSIGNED, null))
               .expectException(ConflictingCommandException.class).expectNoEvents();
        BreachRulesChanged fromTheTenth = new BreachRulesChanged(PLAN, CLIENT, ASSIGNED, REPLIES_COUNT,
                LocalDate.parse("2026-11-10"), Instant.parse("2026-11-10T00:00:00Z"), false, "r", "coach-1", NOW);
        fixture.given(ASSIGNED_EVENT, fromTheTenth).when(change(REPLIES_COUNT, LocalDate.parse("2026-11-12")))
               .expectException(ConflictingCommandException.class).expectNoEvents();
        fixture.given(ASSIGNED_EVENT, fromTheTenth).when(change(REPLIES_COUNT, LocalDate.parse("2026-11-05")))
               .expectEvents(new BreachRulesChanged(PLAN, CLIENT, ASSIGNED, REPLIES_COUNT,
                       LocalDate.parse("2026-11-05"), Instant.parse("2026-11-05T00:00:00Z"), false,
                       "We agreed replies count.", "coach-1", NOW));
    }

    @Test
    void aLaterChangeIsReplacedByAnEarlierOneFromItsDayOn() {
        BreachRulesChanged fromTheTenth = new BreachRulesChanged(PLAN, CLIENT, ASSIGNED, REPLIES_COUNT,
                LocalDate.parse("2026-11-10"), Instant.parse("2026-11-10T00:00:00Z"), false, "r", "coach-1", NOW);
        BreachRulesChanged backToAssigned = new BreachRulesChanged(PLAN, CLIENT, ASSIGNED, ASSIGNED, START,
                Instant.parse("2026-11-01T00:00:00Z"), true, "r", "coach-1", NOW);
        fixture.given(ASSIGNED_EVENT, fromTheTenth, backToAssigned).when(change(ASSIGNED, LocalDate.parse("2026-11-12")))
               .expectException(ConflictingCommandException.class);
    }

    @Test
    void aDayBeforeTheStartOrAfterTodayIsRefusedNamingTheField() {
        fixture.given(ASSIGNED_EVENT).when(change(REPLIES_COUNT, START.minusDays(1)))
               .expectException(InvalidCommandException.class).expectExceptionMessage(
                       org.hamcrest.Matchers.containsString("effectiveFrom")).expectNoEvents();
        fixture.given(ASSIGNED_EVENT).when(change(REPLIES_COUNT, LocalDate.parse("2026-11-21")))
               .expectException(InvalidCommandException.class).expectExceptionMessage(
                       org.hamcrest.Matchers.containsString("effectiveFrom")).expectNoEvents();
    }

    @Test
    void aTargetOutsideOneToAYearAndAMissingReasonAreRefused() {
        fixture.given(ASSIGNED_EVENT).when(change(new BreachRules(false, true, 0), null))
               .expectException(InvalidCommandException.class).expectExceptionMessage(
                       org.hamcrest.Matchers.containsString("noContactTargetDays")).expectNoEvents();
        fixture.given(ASSIGNED_EVENT).when(new ChangeBreachRules(PLAN, REPLIES_COUNT, null, " ", "coach-1", NOW))
               .expectException(InvalidCommandException.class).expectExceptionMessage(
                       org.hamcrest.Matchers.containsString("reason")).expectNoEvents();
        fixture.given(ASSIGNED_EVENT).when(new ChangeBreachRules(PLAN, null, null, "r", "coach-1", NOW))
               .expectException(InvalidCommandException.class).expectNoEvents();
    }

    private static final Instant STARTED = Instant.parse("2026-11-01T09:00:00Z");
    private static final Instant EX_TEXTED = Instant.parse("2026-11-11T20:00:00Z");

    private static org.rekindle.plan.app.command.api.RecordJournalActivity exContact(String initiatedBy) {
        return new org.rekindle.plan.app.command.api.RecordJournalActivity(PLAN, "broken-1",
                org.rekindle.plan.app.command.api.JournalActivity.NO_CONTACT_ATTEMPT_ENDED, null, "period-1", 10,
                EX_TEXTED, initiatedBy);
    }

    private static final org.rekindle.plan.app.command.api.NoContactAttemptStarted ATTEMPT =
            new org.rekindle.plan.app.command.api.NoContactAttemptStarted(PLAN, CLIENT, "period-1", "started-1",
                                                                          STARTED, "nc", STARTED.plusSeconds(30L * 86_400));

    @Test
    void contactTheExStartedDoesNotEndThePlansAttemptWhereTheRulesSaySo() {
        fixture.given(ASSIGNED_EVENT, ATTEMPT).when(exContact("EX")).expectNoEvents();
    }

    @Test
    void contactTheExStartedEndsTheAttemptOnceTheRulesCountIt() {
        BreachRulesChanged countsFromTheTenth = new BreachRulesChanged(PLAN, CLIENT, ASSIGNED, REPLIES_COUNT,
                LocalDate.parse("2026-11-10"), Instant.parse("2026-11-10T00:00:00Z"), false, "r", "coach-1", NOW);
        fixture.given(ASSIGNED_EVENT, ATTEMPT, countsFromTheTenth).when(exContact("EX"))
               .expectEvents(new org.rekindle.plan.app.command.api.NoContactAttemptEnded(PLAN, CLIENT, "period-1",
                                                                                          "broken-1", 10, EX_TEXTED));
    }

    @Test
    void contactTheClientStartedAlwaysEndsTheAttempt() {
        fixture.given(ASSIGNED_EVENT, ATTEMPT).when(exContact("CLIENT"))
               .expectEvents(new org.rekindle.plan.app.command.api.NoContactAttemptEnded(PLAN, CLIENT, "period-1",
                                                                                          "broken-1", 10, EX_TEXTED));
    }

    @Test
    void aFinishedPlansRulesStayAsTheyWere() {
        fixture.given(ASSIGNED_EVENT, new OutcomeChanged(PLAN, CLIENT, PlanOutcome.MOVED_ON, NOW.minusSeconds(60)))
               .when(change(REPLIES_COUNT, null))
               .expectException(ConflictingCommandException.class).expectNoEvents();
    }
}
