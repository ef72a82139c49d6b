package org.rekindle.plan.app.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekindle.plan.app.command.api.AssignPlan;
import org.rekindle.plan.app.command.api.AssignedStep;
import org.rekindle.plan.app.command.api.ChangeOutcome;
import org.rekindle.plan.app.command.api.CompleteStep;
import org.rekindle.plan.app.command.api.CompletedBy;
import org.rekindle.plan.app.command.api.JournalActivity;
import org.rekindle.plan.app.command.api.MoodCheckInCounted;
import org.rekindle.plan.app.command.api.OutcomeChanged;
import org.rekindle.plan.app.command.api.PausePlan;
import org.rekindle.plan.app.command.api.PlanAssigned;
import org.rekindle.plan.app.command.api.PlanOutcome;
import org.rekindle.plan.app.command.api.PlanPaused;
import org.rekindle.plan.app.command.api.PlanReplaced;
import org.rekindle.plan.app.command.api.PlanResumed;
import org.rekindle.plan.app.command.api.RecordJournalActivity;
import org.rekindle.plan.app.command.api.ReopenStep;
import org.rekindle.plan.app.command.api.ReplacePlan;
import org.rekindle.plan.app.command.api.ResumePlan;
import org.rekindle.plan.app.command.api.SkipStep;
import org.rekindle.plan.app.command.api.StepCompleted;
import org.rekindle.plan.app.command.api.StepReopened;
import org.rekindle.plan.app.command.api.StepSkipped;
import org.rekindle.plan.app.command.api.TemplateStep;
import org.rekindle.platform.command.ConflictingCommandException;
import org.rekindle.platform.command.InvalidCommandException;
import org.rekindle.platform.command.UnknownEntityException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Every plan command and every way journal activity completes (or does not complete) a step. */
class PlanTest {

    private static final String PLAN = "plan-1";
    private static final String CLIENT = "client-1";
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
    private static final LocalDate START = LocalDate.parse("2026-11-01");
    private static final List<TemplateStep> TEMPLATE = List.of(
            new TemplateStep("why", "understand", "REFLECTION_PROMPT", "Why?", 0, "understand-why", null, null),
            new TemplateStep("apology", "apologise", "APOLOGY_DRAFT", "Apology", 7, null, null, null),
            new TemplateStep("mood", "wellbeing", "MOOD_CHECK_IN_HABIT", "Check in", 2, null, null, 2),
            new TemplateStep("nc", "no-contact", "NO_CONTACT_PERIOD", "No contact", 7, null, 30, null));
    private static final List<AssignedStep> ASSIGNED = List.of(
            new AssignedStep("why", "understand", "REFLECTION_PROMPT", "Why?", START, "understand-why", null, null),
            new AssignedStep("apology", "apologise", "APOLOGY_DRAFT", "Apology", START.plusDays(7), null, null, null),
            new AssignedStep("mood", "wellbeing", "MOOD_CHECK_IN_HABIT", "Check in", START.plusDays(2), null, null, 2),
            new AssignedStep("nc", "no-contact", "NO_CONTACT_PERIOD", "No contact", START.plusDays(7), null, 30, null));
    private static final PlanAssigned ASSIGNED_EVENT = new PlanAssigned(PLAN, CLIENT, "coach-1", "prog", 3, START,
                                                                        "Europe/Lisbon", false, ASSIGNED, AT);

    private FixtureConfiguration<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
    }

    private static AssignPlan assign(String timezone, List<TemplateStep> steps) {
        return new AssignPlan(PLAN, CLIENT, "coach-1", "prog", 3, START, timezone, false, steps, AT);
    }

    @Test
    void assigningComputesDueDatesFromTheStart() {
        fixture.givenNoPriorActivity().when(assign("Europe/Lisbon", TEMPLATE)).expectEvents(ASSIGNED_EVENT);
    }

    @Test
    void assigningNeedsAValidTimezoneAndSteps() {
        fixture.givenNoPriorActivity().when(assign("Mars/Olympus", TEMPLATE))
               .expectException(InvalidCommandException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(assign("Europe/Lisbon", List.of()))
               .expectException(InvalidCommandException.class).expectNoEvents();
    }

    @Test
    void aReflectionCompletesTheStepAnsweringItsPromptOnce() {
        RecordJournalActivity reflection = new RecordJournalActivity(PLAN, "j1", JournalActivity.REFLECTION_COMPLETED, "understand-why", null, null, AT);
        fixture.given(ASSIGNED_EVENT).when(reflection)
               .expectEvents(new StepCompleted(PLAN, CLIENT, "why", CompletedBy.JOURNAL, "j1", AT));
        fixture.given(ASSIGNED_EVENT, new StepCompleted(PLAN, CLIENT, "why", CompletedBy.JOURNAL, "j1", AT))
               .when(reflection).expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(ASSIGNED_EVENT)
               .when(new RecordJournalActivity(PLAN, "j2", JournalActivity.REFLECTION_COMPLETED, "other", null, null, AT))
               .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void moodCheckInsCountOnceEachUntilTheHabitIsDone() {
        MoodCheckInCounted first = new MoodCheckInCounted(PLAN, CLIENT, "mood", "m1", 1, AT);
        fixture.given(ASSIGNED_EVENT)
               .when(new RecordJournalActivity(PLAN, "m1", JournalActivity.MOOD_CHECKED_IN, null, null, null, AT))
               .expectEvents(first);
        fixture.given(ASSIGNED_EVENT, first)
               .when(new RecordJournalActivity(PLAN, "m1", JournalActivity.MOOD_CHECKED_IN, null, null, null, AT))
               .expectNoEvents();
        fixture.given(ASSIGNED_EVENT, first)
               .when(new RecordJournalActivity(PLAN, "m2", JournalActivity.MOOD_CHECKED_IN, null, null, null, AT))
               .expectEvents(new MoodCheckInCounted(PLAN, CLIENT, "mood", "m2", 2, AT),
                             new StepCompleted(PLAN, CLIENT, "mood", CompletedBy.JOURNAL, "m2", AT));
    }

    @Test
    void anApologyDraftAndANoContactAttemptReachingItsTargetCompleteTheirSteps() {
        fixture.given(ASSIGNED_EVENT)
               .when(new RecordJournalActivity(PLAN, "a1", JournalActivity.APOLOGY_DRAFTED, null, null, null, AT))
               .expectEvents(new StepCompleted(PLAN, CLIENT, "apology", CompletedBy.JOURNAL, "a1", AT));
        fixture.given(ASSIGNED_EVENT)
               .when(new RecordJournalActivity(PLAN, "n1", JournalActivity.NO_CONTACT_ATTEMPT_ENDED, null, null, 12, AT))
               .expectNoEvents();
        fixture.given(ASSIGNED_EVENT)
               .when(new RecordJournalActivity(PLAN, "n2", JournalActivity.NO_CONTACT_ATTEMPT_ENDED, null, null, 31, AT))
               .expectEvents(new StepCompleted(PLAN, CLIENT, "nc", CompletedBy.JOURNAL, "n2", AT));
    }

    @Test
    void aPausedOrFinishedPlanIgnoresJournalActivity() {
        RecordJournalActivity apology = new RecordJournalActivity(PLAN, "a1", JournalActivity.APOLOGY_DRAFTED, null,
                                                                  null, null, AT);
        fixture.given(ASSIGNED_EVENT, new PlanPaused(PLAN, CLIENT, AT)).when(apology).expectNoEvents();
        fixture.given(ASSIGNED_EVENT, new OutcomeChanged(PLAN, CLIENT, PlanOutcome.MOVED_ON, AT)).when(apology)
               .expectNoEvents();
    }

    @Test
    void theCoachCompletesReopensAndSkipsByHand() {
        fixture.given(ASSIGNED_EVENT).when(new CompleteStep(PLAN, "apology", AT))
               .expectEvents(new StepCompleted(PLAN, CLIENT, "apology", CompletedBy.COACH, null, AT));
        fixture.given(ASSIGNED_EVENT, new StepCompleted(PLAN, CLIENT, "apology", CompletedBy.COACH, null, AT))
               .when(new CompleteStep(PLAN, "apology", AT))
               .expectException(ConflictingCommandException.class).expectNoEvents();
        fixture.given(ASSIGNED_EVENT, new StepCompleted(PLAN, CLIENT, "apology", CompletedBy.COACH, null, AT))
               .when(new ReopenStep(PLAN, "apology", AT))
               .expectEvents(new StepReopened(PLAN, CLIENT, "apology", AT));
        fixture.given(ASSIGNED_EVENT).when(new ReopenStep(PLAN, "apology", AT))
               .expectException(ConflictingCommandException.class).expectNoEvents();
        fixture.given(ASSIGNED_EVENT).when(new SkipStep(PLAN, "nc", "coach agreed on 21 days instead", AT))
               .expectEvents(new StepSkipped(PLAN, CLIENT, "nc", "coach agreed on 21 days instead", AT));
        fixture.given(ASSIGNED_EVENT).when(new SkipStep(PLAN, "nc", " ", AT))
               .expectException(InvalidCommandException.class).expectNoEvents();
        fixture.given(ASSIGNED_EVENT).when(new CompleteStep(PLAN, "nope", AT))
               .expectException(UnknownEntityException.class).expectNoEvents();
    }

    @Test
    void pauseResumeAndOutcome() {
        fixture.given(ASSIGNED_EVENT).when(new PausePlan(PLAN, AT)).expectEvents(new PlanPaused(PLAN, CLIENT, AT));
        fixture.given(ASSIGNED_EVENT, new PlanPaused(PLAN, CLIENT, AT)).when(new PausePlan(PLAN, AT))
               .expectException(ConflictingCommandException.class).expectNoEvents();
        Instant beforeAnyStepIsDue = Instant.parse("2026-11-01T12:00:00Z");
        fixture.given(ASSIGNED_EVENT, new PlanPaused(PLAN, CLIENT, AT)).when(new ResumePlan(PLAN, beforeAnyStepIsDue))
               .expectEvents(new PlanResumed(PLAN, CLIENT, beforeAnyStepIsDue));
        fixture.given(ASSIGNED_EVENT).when(new ResumePlan(PLAN, AT))
               .expectException(ConflictingCommandException.class).expectNoEvents();
        fixture.given(ASSIGNED_EVENT).when(new ChangeOutcome(PLAN, PlanOutcome.RECONCILED, AT))
               .expectEvents(new OutcomeChanged(PLAN, CLIENT, PlanOutcome.RECONCILED, AT));
        fixture.given(ASSIGNED_EVENT).when(new ChangeOutcome(PLAN, PlanOutcome.ACTIVE, AT))
               .expectException(ConflictingCommandException.class).expectNoEvents();
    }

    @Test
    void anActiveOrPausedPlanIsReplacedOnceWithAReasonAndThenIgnoresActivity() {
        fixture.given(ASSIGNED_EVENT).when(new ReplacePlan(PLAN, "plan-2", "a gentler pace", AT))
               .expectEvents(new PlanReplaced(PLAN, CLIENT, "plan-2", "a gentler pace", AT));
        fixture.given(ASSIGNED_EVENT, new PlanPaused(PLAN, CLIENT, AT))
               .when(new ReplacePlan(PLAN, "plan-2", "a gentler pace", AT))
               .expectEvents(new PlanReplaced(PLAN, CLIENT, "plan-2", "a gentler pace", AT));
        PlanReplaced replaced = new PlanReplaced(PLAN, CLIENT, "plan-2", "a gentler pace", AT);
        fixture.given(ASSIGNED_EVENT, replaced).when(new ReplacePlan(PLAN, "plan-3", "again", AT))
               .expectException(ConflictingCommandException.class).expectNoEvents();
        fixture.given(ASSIGNED_EVENT, new OutcomeChanged(PLAN, CLIENT, PlanOutcome.MOVED_ON, AT))
               .when(new ReplacePlan(PLAN, "plan-2", "a gentler pace", AT))
               .expectException(ConflictingCommandException.class).expectNoEvents();
        fixture.given(ASSIGNED_EVENT).when(new ReplacePlan(PLAN, "plan-2", " ", AT))
               .expectException(InvalidCommandException.class).expectNoEvents();
        fixture.given(ASSIGNED_EVENT).when(new ReplacePlan(PLAN, "plan-2", "x".repeat(501), AT))
               .expectException(InvalidCommandException.class).expectNoEvents();
        fixture.given(ASSIGNED_EVENT, replaced)
               .when(new RecordJournalActivity(PLAN, "a1", JournalActivity.APOLOGY_DRAFTED, null, null, null, AT))
               .expectNoEvents();
    }

    @Test
    void aReplacedOutcomeComesOnlyFromAReplacementAndStays() {
        fixture.given(ASSIGNED_EVENT).when(new ChangeOutcome(PLAN, PlanOutcome.REPLACED, AT))
               .expectException(InvalidCommandException.class).expectNoEvents();
        fixture.given(ASSIGNED_EVENT, new PlanReplaced(PLAN, CLIENT, "plan-2", "a gentler pace", AT))
               .when(new ChangeOutcome(PLAN, PlanOutcome.MOVED_ON, AT))
               .expectException(ConflictingCommandException.class).expectNoEvents();
    }
}
