package org.rekindle.plan.app.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekindle.plan.app.command.api.AssignedStep;
import org.rekindle.plan.app.command.api.BreachRules;
import org.rekindle.plan.app.command.api.BreachRulesChanged;
import org.rekindle.plan.app.command.api.ChangeBreachRules;
import org.rekindle.plan.app.command.api.CompletedBy;
import org.rekindle.plan.app.command.api.NoContactAttemptEnded;
import org.rekindle.plan.app.command.api.NoContactAttemptRejudged;
import org.rekindle.plan.app.command.api.NoContactFactRecorded;
import org.rekindle.plan.app.command.api.StepCompleted;
import org.rekindle.plan.app.command.api.StepReopened;
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

    private static NoContactFactRecorded contactFact(String initiatedBy) {
        return new NoContactFactRecorded(PLAN, CLIENT, "period-1", "broken-1", NoContactFactRecorded.CONTACT,
                                         initiatedBy, EX_TEXTED);
    }

    @Test
    void contactTheExStartedDoesNotEndThePlansAttemptWhereTheRulesSaySo() {
        fixture.given(ASSIGNED_EVENT, ATTEMPT).when(exContact("EX")).expectEvents(contactFact("EX"));
        fixture.given(ASSIGNED_EVENT, ATTEMPT, contactFact("EX")).when(exContact("EX")).expectNoEvents();
    }

    @Test
    void contactTheExStartedEndsTheAttemptOnceTheRulesCountIt() {
        BreachRulesChanged countsFromTheTenth = new BreachRulesChanged(PLAN, CLIENT, ASSIGNED, REPLIES_COUNT,
                LocalDate.parse("2026-11-10"), Instant.parse("2026-11-10T00:00:00Z"), false, "r", "coach-1", NOW);
        fixture.given(ASSIGNED_EVENT, ATTEMPT, countsFromTheTenth).when(exContact("EX"))
               .expectEvents(contactFact("EX"), new org.rekindle.plan.app.command.api.NoContactAttemptEnded(PLAN, CLIENT, "period-1",
                                                                                          "broken-1", 10, EX_TEXTED));
    }

    @Test
    void contactTheClientStartedAlwaysEndsTheAttempt() {
        fixture.given(ASSIGNED_EVENT, ATTEMPT).when(exContact("CLIENT"))
               .expectEvents(contactFact("CLIENT"), new org.rekindle.plan.app.command.api.NoContactAttemptEnded(PLAN, CLIENT, "period-1",
                                                                                          "broken-1", 10, EX_TEXTED));
    }

    private static final Instant RETRO_EFFECTIVE = Instant.parse("2026-11-01T00:00:00Z");

    private static BreachRulesChanged retroactive(BreachRules previous, BreachRules rules) {
        return new BreachRulesChanged(PLAN, CLIENT, previous, rules, START, RETRO_EFFECTIVE, true,
                                      "We agreed replies count.", "coach-1", NOW);
    }

    /** The ex texted on day 10 and, under the rules then (a reply is a breach), the plan's attempt ended there. */
    private static final List<Object> ENDED_BY_THE_EX = List.of(
            new PlanAssigned(PLAN, CLIENT, "coach-1", "prog", 3, START, ZONE, true, List.of(new AssignedStep(
                    "nc", "no-contact", "NO_CONTACT_PERIOD", "No contact", START, null, 30, null)),
                             NOW.minusSeconds(86_400 * 19)),
            ATTEMPT, contactFact("EX"), new NoContactAttemptEnded(PLAN, CLIENT, "period-1", "broken-1", 10, EX_TEXTED));

    @Test
    void aRetroactiveChangeThatLetsTheExsContactPassRunsTheAttemptAgainFromItsStart() {
        BreachRules lenient = new BreachRules(false, false, null);
        fixture.given(ENDED_BY_THE_EX).when(change(lenient, null))
               .expectEvents(retroactive(BreachRules.assigned(true), lenient),
                             new NoContactAttemptRejudged(PLAN, CLIENT, "period-1", "started-1", STARTED, "nc",
                                                          STARTED.plusSeconds(30L * 86_400), NOW));
    }

    @Test
    void aRetroactiveChangeWithTheCoachsShorterTargetCompletesTheStepOnceTheAttemptRunsAgain() {
        BreachRules lenientFifteen = new BreachRules(false, false, 15);
        Instant reached = STARTED.plusSeconds(15L * 86_400);
        fixture.given(ENDED_BY_THE_EX).when(change(lenientFifteen, null))
               .expectEvents(retroactive(BreachRules.assigned(true), lenientFifteen),
                             new NoContactAttemptRejudged(PLAN, CLIENT, "period-1", "started-1", STARTED, "nc",
                                                          reached, NOW),
                             new StepCompleted(PLAN, CLIENT, "nc", CompletedBy.JOURNAL, "started-1", reached));
    }

    @Test
    void aRetroactiveChangeThatCountsTheExsContactEndsTheRunningAttemptThere() {
        fixture.given(ASSIGNED_EVENT, ATTEMPT, contactFact("EX")).when(change(REPLIES_COUNT, null))
               .expectEvents(retroactive(ASSIGNED, REPLIES_COUNT),
                             new NoContactAttemptRejudged(PLAN, CLIENT, "period-1", "started-1", null, null, null,
                                                          NOW));
    }

    @Test
    void aStepTheAttemptCompletedReopensWhenTheExsContactNowEndedItBeforeTheTarget() {
        Instant reached = STARTED.plusSeconds(30L * 86_400);
        Instant later = reached.plusSeconds(86_400);
        BreachRules lenient = ASSIGNED;
        fixture.given(ASSIGNED_EVENT, ATTEMPT, contactFact("EX"),
                      new StepCompleted(PLAN, CLIENT, "nc", CompletedBy.JOURNAL, "started-1", reached))
               .when(new ChangeBreachRules(PLAN, REPLIES_COUNT, null, "We agreed replies count.", "coach-1", later))
               .expectEvents(new BreachRulesChanged(PLAN, CLIENT, lenient, REPLIES_COUNT, START, RETRO_EFFECTIVE,
                                                    true, "We agreed replies count.", "coach-1", later),
                             new NoContactAttemptRejudged(PLAN, CLIENT, "period-1", "started-1", null, null, null,
                                                          later),
                             new StepReopened(PLAN, CLIENT, "nc", later));
    }

    @Test
    void aChangeFromADayAfterTheContactLeavesItAsItWasCountedAndAStepTheCoachCompletedStays() {
        fixture.given(ASSIGNED_EVENT, ATTEMPT, contactFact("EX"))
               .when(change(REPLIES_COUNT, LocalDate.parse("2026-11-15")))
               .expectEvents(new BreachRulesChanged(PLAN, CLIENT, ASSIGNED, REPLIES_COUNT,
                                                    LocalDate.parse("2026-11-15"),
                                                    Instant.parse("2026-11-15T00:00:00Z"), false,
                                                    "We agreed replies count.", "coach-1", NOW));
        fixture.given(ENDED_BY_THE_EX.toArray()).andGiven(
                       new StepCompleted(PLAN, CLIENT, "nc", CompletedBy.COACH, null, NOW.minusSeconds(60)))
               .when(change(new BreachRules(false, false, null), null))
               .expectEvents(retroactive(BreachRules.assigned(true), new BreachRules(false, false, null)),
                             new NoContactAttemptRejudged(PLAN, CLIENT, "period-1", "started-1", STARTED, null, null,
                                                          NOW));
    }

    @Test
    void aPreviewAnswersTheStepsTheChangeWouldChangeAndAppliesNothing() {
        BreachRules lenientFifteen = new BreachRules(false, false, 15);
        fixture.given(ENDED_BY_THE_EX)
               .when(new org.rekindle.plan.app.command.api.PreviewBreachRules(PLAN, lenientFifteen, null, NOW))
               .expectNoEvents()
               .expectResultMessagePayload(List.of(new org.rekindle.plan.app.command.api.StepChangePreview(
                       "nc", "No contact", "OPEN", "COMPLETED")));
        fixture.given(ASSIGNED_EVENT, ATTEMPT, contactFact("EX"),
                      new StepCompleted(PLAN, CLIENT, "nc", CompletedBy.JOURNAL, "started-1",
                                        STARTED.plusSeconds(30L * 86_400)))
               .when(new org.rekindle.plan.app.command.api.PreviewBreachRules(PLAN, REPLIES_COUNT, null,
                                                                              STARTED.plusSeconds(31L * 86_400)))
               .expectNoEvents()
               .expectResultMessagePayload(List.of(new org.rekindle.plan.app.command.api.StepChangePreview(
                       "nc", "No contact", "COMPLETED", "OPEN")));
        fixture.given(ASSIGNED_EVENT)
               .when(new org.rekindle.plan.app.command.api.PreviewBreachRules(PLAN, REPLIES_COUNT,
                                                                              START.minusDays(1), NOW))
               .expectException(InvalidCommandException.class).expectNoEvents();
    }

    @Test
    void aFinishedPlansRulesStayAsTheyWere() {
        fixture.given(ASSIGNED_EVENT, new OutcomeChanged(PLAN, CLIENT, PlanOutcome.MOVED_ON, NOW.minusSeconds(60)))
               .when(change(REPLIES_COUNT, null))
               .expectException(ConflictingCommandException.class).expectNoEvents();
    }
}
