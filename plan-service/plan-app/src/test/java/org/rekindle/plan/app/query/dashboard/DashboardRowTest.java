package org.rekindle.plan.app.query.dashboard;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard fold and its risk rules, with the moment of reading under the test's control. */
class DashboardRowTest {

    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
    private int ids;

    private ClientEvent event(String type, Instant at, Map<String, Object> data) {
        return new ClientEvent("e" + ids++, "c1", type, at, data);
    }

    private DashboardRow assigned() {
        return new DashboardRow("c1").apply(event("PlanAssigned", T0, Map.of("coachId", "k1", "planId", "p1",
                "timezone", "Europe/Lisbon", "replyToExCountsAsBreach", true, "steps", List.of(
                        Map.of("stepId", "why", "phaseId", "understand", "dueDate", "2026-11-01"),
                        Map.of("stepId", "later", "phaseId", "rebuild", "dueDate", "2026-12-31")))));
    }

    @Test
    void aBreachIsAFlagFor48HoursAndCountsForSevenDays() {
        DashboardRow row = assigned().apply(event("NoContactStarted", T0, Map.of("targetDays", 30)))
                                     .apply(event("NoContactBroken", T0.plus(Duration.ofDays(12)),
                                                  Map.of("attemptDays", 12)));
        Instant breach = T0.plus(Duration.ofDays(12));
        assertThat(row.asOf(breach.plus(Duration.ofHours(47))).riskFlags()).contains(RiskFlag.BREACH_IN_48H);
        assertThat(row.asOf(breach.plus(Duration.ofHours(49))).riskFlags()).doesNotContain(RiskFlag.BREACH_IN_48H);
        assertThat(row.asOf(breach.plus(Duration.ofDays(6))).breachesLast7Days()).isEqualTo(1);
        assertThat(row.asOf(breach.plus(Duration.ofDays(8))).breachesLast7Days()).isZero();
        assertThat(row.asOf(breach.plus(Duration.ofDays(3))).currentStreakDays()).isEqualTo(3);
        assertThat(row.asOf(breach.plus(Duration.ofDays(3))).longestStreakDays()).isEqualTo(12);
    }

    @Test
    void threeLowMoodsInARowAreAFlagUntilABetterOne() {
        DashboardRow row = assigned();
        for (int i = 1; i <= 3; i++) {
            row.apply(event("MoodCheckedIn", T0.plus(Duration.ofHours(i)), Map.of("score", 2)));
        }
        Instant later = T0.plus(Duration.ofHours(4));
        assertThat(row.asOf(later).riskFlags()).contains(RiskFlag.LOW_MOOD_THREE_IN_A_ROW);
        row.apply(event("MoodCheckedIn", later, Map.of("score", 4)));
        assertThat(row.asOf(later).riskFlags()).doesNotContain(RiskFlag.LOW_MOOD_THREE_IN_A_ROW);
        assertThat(row.asOf(later).moodTrend()).containsExactly(2, 2, 2, 4);
    }

    @Test
    void theMoodTrendKeepsTheLast14CheckIns() {
        DashboardRow row = assigned();
        for (int i = 0; i < 20; i++) {
            row.apply(event("MoodCheckedIn", T0.plus(Duration.ofHours(i)), Map.of("score", 1 + i % 5)));
        }
        assertThat(row.asOf(T0.plus(Duration.ofDays(1))).moodTrend()).hasSize(14).startsWith(2, 3, 4, 5, 1);
    }

    @Test
    void fiveQuietDaysAndAnOverdueStepAreFlagsInTheClientsTimezone() {
        DashboardRow row = assigned().apply(event("MoodCheckedIn", T0, Map.of("score", 4)));
        DashboardView nextMorning = row.asOf(Instant.parse("2026-11-02T00:30:00Z"));
        assertThat(nextMorning.riskFlags()).containsExactly(RiskFlag.OVERDUE_STEP);
        assertThat(nextMorning.overdueSteps()).containsExactly("why");
        assertThat(row.asOf(T0.plus(Duration.ofDays(6))).riskFlags()).contains(RiskFlag.NO_ACTIVITY_FIVE_DAYS);
        row.apply(event("PlanStepCompleted", T0.plus(Duration.ofHours(2)), Map.of("stepId", "why")));
        DashboardView done = row.asOf(Instant.parse("2026-11-02T00:30:00Z"));
        assertThat(done.riskFlags()).isEmpty();
        assertThat(done.percentDone()).isEqualTo(50);
        assertThat(done.currentPhase()).isEqualTo("rebuild");
    }

    @Test
    void quietDaysCountFromTheLaterOfLastActivityAndAssignment() {
        DashboardRow row = assigned();
        assertThat(row.asOf(T0).lastActivityAt()).as("plan events are not client activity").isNull();
        assertThat(row.asOf(T0.plus(Duration.ofDays(4))).riskFlags()).doesNotContain(RiskFlag.NO_ACTIVITY_FIVE_DAYS);
        assertThat(row.asOf(T0.plus(Duration.ofDays(6))).riskFlags()).contains(RiskFlag.NO_ACTIVITY_FIVE_DAYS);
    }

    @Test
    void whatTheCoachDoesIsNotTheClientsActivity() {
        Instant message = T0.plus(Duration.ofDays(2));
        DashboardRow row = assigned()
                .apply(event("MessageSent", message, Map.of("sender", "COACH")))
                .apply(event("SessionBooked", T0.plus(Duration.ofDays(1)), Map.of()))
                .apply(event("SessionRescheduled", message.plus(Duration.ofHours(1)), Map.of("by", "COACH")))
                .apply(event("SessionCancelled", message.plus(Duration.ofHours(2)), Map.of("by", "COACH")))
                .apply(event("SessionOutcomeRecorded", message.plus(Duration.ofHours(3)), Map.of("outcome", "NO_SHOW")));
        assertThat(row.asOf(message.plus(Duration.ofDays(1))).lastActivityAt())
                .as("the client's booking counts; the coach's message, move, cancellation and outcome do not")
                .isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(row.asOf(T0.plus(Duration.ofDays(7))).riskFlags()).contains(RiskFlag.NO_ACTIVITY_FIVE_DAYS);
        row.apply(event("MessageSent", message.plus(Duration.ofHours(4)), Map.of("sender", "CLIENT")));
        assertThat(row.asOf(message.plus(Duration.ofDays(1))).lastActivityAt()).isEqualTo(message.plus(Duration.ofHours(4)));
    }

    @Test
    void aBreachNeedsTheCoachFirstAndSaysHowItHappenedOnlyWhenContactDetailsAreShared() {
        Instant breach = T0.plus(Duration.ofDays(3));
        DashboardRow row = assigned().apply(event("NoContactStarted", T0, Map.of("targetDays", 30)))
                                     .apply(event("MoodCheckedIn", breach.minus(Duration.ofHours(1)), Map.of("score", 1)))
                                     .apply(event("NoContactBroken", breach, Map.of("attemptDays", 3, "channel", "TEXT",
                                                                                    "initiatedBy", "EX")));
        DashboardView byDefault = row.asOf(breach.plus(Duration.ofHours(3)));
        assertThat(byDefault.attention()).isEqualTo("CONTACT_BROKEN");
        assertThat(byDefault.reasons()).containsExactly("Contact broken 3 h ago", "Mood 1 of 5 4 h ago",
                                                        "1 step overdue");

        row.apply(event("ConsentChanged", T0, Map.of("coachSees", List.of("STREAK", "CONTACT_DETAILS"))));
        DashboardView withDetails = row.asOf(breach.plus(Duration.ofHours(3)));
        assertThat(withDetails.reasons()).containsExactly("Contact broken by text 3 h ago (the ex reached out)");

        row.apply(event("ConsentChanged", T0, Map.of("coachSees", List.of("PLAN_PROGRESS"))));
        assertThat(row.asOf(breach.plus(Duration.ofHours(3))).attention())
                .as("no streak consent: the breach is not the coach's to see").isEqualTo("STEPS_WAITING");
    }

    @Test
    void lowMoodsRaiseTheClientAboveQuietAndOverdueSteps() {
        DashboardRow row = assigned();
        row.apply(event("MoodCheckedIn", T0.plus(Duration.ofHours(1)), Map.of("score", 2)));
        row.apply(event("MoodCheckedIn", T0.plus(Duration.ofHours(20)), Map.of("score", 1)));
        DashboardView view = row.asOf(T0.plus(Duration.ofDays(1)));
        assertThat(view.attention()).isEqualTo("MOOD_FALLING");
        assertThat(view.reasons()).containsExactly("2 low moods in 48 h", "1 step overdue");
        DashboardView aWeekOn = row.asOf(T0.plus(Duration.ofDays(7)));
        assertThat(aWeekOn.attention()).isEqualTo("GONE_QUIET");
        assertThat(aWeekOn.reasons()).containsExactly("Nothing heard for 6 days", "1 step overdue");
    }

    @Test
    void aPausedOrFinishedPlanIsCalmAndSaysSo() {
        DashboardRow row = assigned().apply(event("PlanPaused", T0.plus(Duration.ofHours(1)), Map.of()));
        DashboardView paused = row.asOf(T0.plus(Duration.ofDays(7)));
        assertThat(paused.planStatus()).isEqualTo("PAUSED");
        assertThat(paused.attention()).isEqualTo("CALM");
        assertThat(paused.reasons()).containsExactly("Plan paused");
        row.apply(event("PlanResumed", T0.plus(Duration.ofDays(7)), Map.of()));
        assertThat(row.asOf(T0.plus(Duration.ofDays(7))).planStatus()).isEqualTo("ACTIVE");
        row.apply(event("PlanOutcomeChanged", T0.plus(Duration.ofDays(8)), Map.of("outcome", "MOVED_ON")));
        assertThat(row.asOf(T0.plus(Duration.ofDays(9))).planStatus()).isEqualTo("FINISHED");
        assertThat(row.asOf(T0.plus(Duration.ofDays(9))).reasons()).containsExactly("Plan finished");
    }

    @Test
    void thePhaseIsWhereTheClientIsHeadedNotWhereAStepWasLeftOpen() {
        DashboardRow row = new DashboardRow("c1").apply(event("PlanAssigned", T0, Map.of("coachId", "k1",
                "planId", "p1", "timezone", "UTC", "steps", List.of(
                        Map.of("stepId", "a", "phaseId", "understand", "dueDate", "2026-11-01"),
                        Map.of("stepId", "b", "phaseId", "apologise", "dueDate", "2026-11-05"),
                        Map.of("stepId", "c", "phaseId", "no-contact", "dueDate", "2026-11-10")))));
        assertThat(row.asOf(T0).currentPhase()).isEqualTo("understand");
        row.apply(event("PlanStepCompleted", T0.plus(Duration.ofDays(4)), Map.of("stepId", "b")));
        assertThat(row.asOf(T0.plus(Duration.ofDays(4))).currentPhase()).as("step a lags behind").isEqualTo("no-contact");
        row.apply(event("PlanStepSkipped", T0.plus(Duration.ofDays(5)), Map.of("stepId", "c")));
        assertThat(row.asOf(T0.plus(Duration.ofDays(5))).currentPhase()).isEqualTo("no-contact");
        row.apply(event("PlanStepCompleted", T0.plus(Duration.ofDays(6)), Map.of("stepId", "a")));
        assertThat(row.asOf(T0.plus(Duration.ofDays(6))).currentPhase()).isEqualTo("done");
    }

    @Test
    void aReplacedPlanGivesWayToItsReplacementAndItsLateEventsAreIgnored() {
        DashboardRow row = assigned().apply(event("PlanStepCompleted", T0, Map.of("planId", "p1", "stepId", "why")));
        row.apply(event("PlanReplaced", T0.plus(Duration.ofDays(1)), Map.of("planId", "p1", "replacementPlanId", "p2")));
        assertThat(row.asOf(T0.plus(Duration.ofDays(1))).planStatus()).isEqualTo("FINISHED");
        row.apply(event("PlanAssigned", T0.plus(Duration.ofDays(1)), Map.of("coachId", "k1", "planId", "p2",
                "timezone", "UTC", "steps", List.of(Map.of("stepId", "why", "phaseId", "understand",
                                                           "dueDate", "2026-11-02")))));
        row.apply(event("PlanStepCompleted", T0.plus(Duration.ofDays(2)), Map.of("planId", "p1", "stepId", "why")));
        row.apply(event("PlanOutcomeChanged", T0.plus(Duration.ofDays(2)), Map.of("planId", "p1", "outcome", "ENDED")));
        DashboardView now = row.asOf(T0.plus(Duration.ofDays(2)));
        assertThat(now.planId()).isEqualTo("p2");
        assertThat(now.planStatus()).isEqualTo("ACTIVE");
        assertThat(now.percentDone()).as("the old plan's step does not count for the new one").isZero();
        assertThat(now.currentPhase()).isEqualTo("understand");
    }

    @Test
    void theDashboardListsTheMostInNeedFirst() {
        Instant now = T0.plus(Duration.ofDays(2));
        DashboardView broke = assigned().apply(event("NoContactStarted", T0, Map.of("targetDays", 30)))
                                        .apply(event("NoContactBroken", now.minus(Duration.ofHours(1)),
                                                     Map.of("attemptDays", 1))).asOf(now);
        DashboardView low = assigned().apply(event("MoodCheckedIn", now.minus(Duration.ofHours(2)), Map.of("score", 1)))
                                      .asOf(now);
        DashboardView steps = assigned().apply(event("MoodCheckedIn", now.minus(Duration.ofHours(2)), Map.of("score", 4)))
                                        .asOf(now);
        DashboardView calm = assigned().apply(event("PlanPaused", T0, Map.of())).asOf(now);
        List<DashboardView> sorted = new java.util.ArrayList<>(List.of(calm, steps, low, broke));
        sorted.sort(DashboardQueries.NEED_FIRST);
        assertThat(sorted).extracting(DashboardView::attention)
                          .containsExactly("CONTACT_BROKEN", "MOOD_FALLING", "STEPS_WAITING", "CALM");
    }
}
