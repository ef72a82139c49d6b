package org.rekindle.plan.app.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekindle.plan.app.command.api.AssignedStep;
import org.rekindle.plan.app.command.api.CompletedBy;
import org.rekindle.plan.app.command.api.JournalActivity;
import org.rekindle.plan.app.command.api.MarkStepOverdue;
import org.rekindle.plan.app.command.api.NoContactAttemptEnded;
import org.rekindle.plan.app.command.api.NoContactFactRecorded;
import org.rekindle.plan.app.command.api.NoContactAttemptStarted;
import org.rekindle.plan.app.command.api.OutcomeChanged;
import org.rekindle.plan.app.command.api.PlanAssigned;
import org.rekindle.plan.app.command.api.PlanOutcome;
import org.rekindle.plan.app.command.api.PlanPaused;
import org.rekindle.plan.app.command.api.PlanResumed;
import org.rekindle.plan.app.command.api.ReachNoContactTarget;
import org.rekindle.plan.app.command.api.RecordJournalActivity;
import org.rekindle.plan.app.command.api.ResumePlan;
import org.rekindle.plan.app.command.api.StepCompleted;
import org.rekindle.plan.app.command.api.StepOverdue;
import org.rekindle.plan.app.command.api.StepReopened;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The plan's time-based rules: a step open after its due day (in the client's zone) is reported overdue once, and a
 * no-contact step completes when the running attempt reaches its target. The schedule only asks; the plan decides.
 */
class PlanDeadlineTest {

    private static final String PLAN = "plan-1";
    private static final String CLIENT = "client-1";
    private static final LocalDate START = LocalDate.parse("2026-11-01");
    /** The end of 1 November in Tokyo (UTC+9). */
    private static final Instant END_OF_START_DAY = Instant.parse("2026-11-01T15:00:00Z");
    private static final PlanAssigned ASSIGNED = new PlanAssigned(PLAN, CLIENT, "coach-1", "prog", 1, START,
            "Asia/Tokyo", false, List.of(
            new AssignedStep("why", "understand", "REFLECTION_PROMPT", "Why?", START, "understand-why", null, null),
            new AssignedStep("letter", "apologise", "APOLOGY_DRAFT", "Apology", START, null, null, null),
            new AssignedStep("nc", "no-contact", "NO_CONTACT_PERIOD", "No contact", START.plusDays(40), null, 30, null)),
            START.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    private static final Instant STARTED = Instant.parse("2026-11-03T20:00:00Z");
    private static final Instant TARGET = STARTED.plus(Duration.ofDays(30));
    private static final NoContactAttemptStarted ATTEMPT = new NoContactAttemptStarted(PLAN, CLIENT, "period-1", "j-start",
                                                                                       STARTED, "nc", TARGET);

    private FixtureConfiguration<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
    }

    @Test
    void aStepIsOverdueFromTheEndOfItsDueDayInTheClientsZoneAndReportedOnce() {
        fixture.given(ASSIGNED).when(new MarkStepOverdue(PLAN, "why", END_OF_START_DAY.minusSeconds(1)))
               .expectSuccessfulHandlerExecution().expectNoEvents();
        Instant checked = END_OF_START_DAY.plusSeconds(2);
        fixture.given(ASSIGNED).when(new MarkStepOverdue(PLAN, "why", checked))
               .expectEvents(new StepOverdue(PLAN, CLIENT, "why", START, END_OF_START_DAY, checked));
        fixture.given(ASSIGNED, new StepOverdue(PLAN, CLIENT, "why", START, END_OF_START_DAY, checked))
               .when(new MarkStepOverdue(PLAN, "why", checked.plusSeconds(60))).expectNoEvents();
    }

    @Test
    void aDoneStepOrAPlanThatIsNotRunningIsNeverOverdue() {
        Instant late = END_OF_START_DAY.plus(Duration.ofDays(3));
        fixture.given(ASSIGNED, new StepCompleted(PLAN, CLIENT, "why", CompletedBy.JOURNAL, "j1", END_OF_START_DAY))
               .when(new MarkStepOverdue(PLAN, "why", late)).expectNoEvents();
        fixture.given(ASSIGNED, new PlanPaused(PLAN, CLIENT, END_OF_START_DAY.minusSeconds(5)))
               .when(new MarkStepOverdue(PLAN, "why", late)).expectNoEvents();
        fixture.given(ASSIGNED, new OutcomeChanged(PLAN, CLIENT, PlanOutcome.MOVED_ON, END_OF_START_DAY))
               .when(new MarkStepOverdue(PLAN, "why", late)).expectNoEvents();
    }

    @Test
    void resumingReportsTheStepsThatFellDueWhilePaused() {
        Instant resumed = END_OF_START_DAY.plus(Duration.ofDays(2));
        fixture.given(ASSIGNED, new PlanPaused(PLAN, CLIENT, END_OF_START_DAY.minusSeconds(5)))
               .when(new ResumePlan(PLAN, resumed))
               .expectEvents(new PlanResumed(PLAN, CLIENT, resumed),
                             new StepOverdue(PLAN, CLIENT, "why", START, END_OF_START_DAY, resumed),
                             new StepOverdue(PLAN, CLIENT, "letter", START, END_OF_START_DAY, resumed));
    }

    @Test
    void aStepReopenedAfterItsDueDayIsOverdueAgain() {
        Instant reopened = END_OF_START_DAY.plus(Duration.ofDays(5));
        fixture.given(ASSIGNED, new StepOverdue(PLAN, CLIENT, "why", START, END_OF_START_DAY, END_OF_START_DAY),
                      new StepCompleted(PLAN, CLIENT, "why", CompletedBy.COACH, null, END_OF_START_DAY),
                      new StepReopened(PLAN, CLIENT, "why", reopened))
               .when(new MarkStepOverdue(PLAN, "why", reopened))
               .expectEvents(new StepOverdue(PLAN, CLIENT, "why", START, END_OF_START_DAY, reopened));
    }

    @Test
    void startingNoContactTracksTheAttemptWithWhenTheStepsTargetIsReached() {
        fixture.given(ASSIGNED)
               .when(new RecordJournalActivity(PLAN, "j-start", JournalActivity.NO_CONTACT_STARTED, null, "period-1",
                                               null, STARTED))
               .expectEvents(ATTEMPT);
        fixture.given(ASSIGNED, ATTEMPT)
               .when(new RecordJournalActivity(PLAN, "j-start", JournalActivity.NO_CONTACT_STARTED, null, "period-1",
                                               null, STARTED))
               .expectNoEvents();
    }

    @Test
    void aRunningAttemptCompletesTheStepAtItsTargetNotBefore() {
        fixture.given(ASSIGNED, ATTEMPT).when(new ReachNoContactTarget(PLAN, "period-1", TARGET.minusSeconds(1)))
               .expectNoEvents();
        fixture.given(ASSIGNED, ATTEMPT).when(new ReachNoContactTarget(PLAN, "period-1", TARGET.plusSeconds(3)))
               .expectEvents(new StepCompleted(PLAN, CLIENT, "nc", CompletedBy.JOURNAL, "j-start", TARGET));
        fixture.given(ASSIGNED, ATTEMPT).when(new ReachNoContactTarget(PLAN, "other-period", TARGET))
               .expectNoEvents();
    }

    @Test
    void aBrokenAttemptNeverReachesItsTarget() {
        Instant broken = STARTED.plus(Duration.ofDays(12));
        fixture.given(ASSIGNED, ATTEMPT)
               .when(new RecordJournalActivity(PLAN, "j-broken", JournalActivity.NO_CONTACT_ATTEMPT_ENDED, null,
                                               "period-1", 12, broken))
               .expectEvents(new NoContactFactRecorded(PLAN, CLIENT, "period-1", "j-broken", NoContactFactRecorded.CONTACT,
                                                       null, broken),
                             new NoContactAttemptEnded(PLAN, CLIENT, "period-1", "j-broken", 12, broken));
        fixture.given(ASSIGNED, ATTEMPT, new NoContactAttemptEnded(PLAN, CLIENT, "period-1", "j-broken", 12, broken))
               .when(new ReachNoContactTarget(PLAN, "period-1", TARGET)).expectNoEvents();
    }

    @Test
    void anAttemptEndedByTheClientAfterTheTargetCountsItsDaysFromItsStart() {
        Instant ended = STARTED.plus(Duration.ofDays(31)).plusSeconds(60);
        fixture.given(ASSIGNED, ATTEMPT)
               .when(new RecordJournalActivity(PLAN, "j-end", JournalActivity.NO_CONTACT_ATTEMPT_ENDED, null,
                                               "period-1", null, ended))
               .expectEvents(new NoContactFactRecorded(PLAN, CLIENT, "period-1", "j-end", NoContactFactRecorded.ENDED,
                                                       null, ended),
                             new NoContactAttemptEnded(PLAN, CLIENT, "period-1", "j-end", 31, ended),
                             new StepCompleted(PLAN, CLIENT, "nc", CompletedBy.JOURNAL, "j-end", ended));
    }

    @Test
    void resumingAfterTheTargetPassedWhilePausedCompletesTheStep() {
        Instant resumed = TARGET.plus(Duration.ofDays(1));
        Instant pausedAt = STARTED.plus(Duration.ofDays(2));
        List<Object> given = List.of(ASSIGNED, ATTEMPT, new PlanPaused(PLAN, CLIENT, pausedAt));
        fixture.given(given).when(new ResumePlan(PLAN, resumed))
               .expectEvents(new PlanResumed(PLAN, CLIENT, resumed),
                             new StepOverdue(PLAN, CLIENT, "why", START, END_OF_START_DAY, resumed),
                             new StepOverdue(PLAN, CLIENT, "letter", START, END_OF_START_DAY, resumed),
                             new StepCompleted(PLAN, CLIENT, "nc", CompletedBy.JOURNAL, "j-start", TARGET));
    }
}
