package org.rekindle.plan.app.query.dashboard;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a coach sees of a client follows the client's latest consent, on the row and on the timeline. */
class CoachConsentTest {

    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
    private int ids;

    private ClientEvent event(String type, Instant at, Map<String, Object> data) {
        return new ClientEvent("e" + ids++, "c1", type, at, data);
    }

    private DashboardRow withHistory() {
        DashboardRow row = new DashboardRow("c1").apply(event("PlanAssigned", T0, Map.of("coachId", "k1",
                "planId", "p1", "timezone", "UTC", "replyToExCountsAsBreach", true, "steps", List.of(
                        Map.of("stepId", "why", "phaseId", "understand", "dueDate", "2026-11-01")))));
        row.apply(event("NoContactStarted", T0, Map.of("targetDays", 30)));
        row.apply(event("NoContactBroken", T0.plus(Duration.ofDays(2)), Map.of("attemptDays", 2, "channel", "CALL",
                                                                               "initiatedBy", "EX")));
        for (int i = 1; i <= 3; i++) {
            row.apply(event("MoodCheckedIn", T0.plus(Duration.ofHours(50 + i)), Map.of("score", 1, "sleepHours", 4.5)));
        }
        return row;
    }

    @Test
    void byDefaultTheCoachSeesStreakPlanAndMoodTrend() {
        DashboardView view = withHistory().asOf(T0.plus(Duration.ofDays(3)));
        assertThat(view.coachSees()).containsExactly("MOOD_TREND", "PLAN_PROGRESS", "STREAK");
        assertThat(view.moodTrend()).containsExactly(1, 1, 1);
        assertThat(view.currentStreakDays()).isEqualTo(1);
        assertThat(view.percentDone()).isZero();
        assertThat(view.riskFlags()).contains(RiskFlag.BREACH_IN_48H, RiskFlag.LOW_MOOD_THREE_IN_A_ROW, RiskFlag.OVERDUE_STEP);
    }

    @Test
    void whatTheClientTurnsOffIsGoneFromTheRowAtOnceWithTheFlagsReadFromIt() {
        DashboardRow row = withHistory();
        row.apply(event("ConsentChanged", T0.plus(Duration.ofDays(3)), Map.of("coachSees", List.of("PLAN_PROGRESS"))));
        DashboardView view = row.asOf(T0.plus(Duration.ofDays(3)));
        assertThat(view.moodTrend()).isNull();
        assertThat(view.currentStreakDays()).isNull();
        assertThat(view.longestStreakDays()).isNull();
        assertThat(view.noContactActive()).isNull();
        assertThat(view.breachesLast7Days()).isNull();
        assertThat(view.percentDone()).isZero();
        assertThat(view.riskFlags()).doesNotContain(RiskFlag.BREACH_IN_48H, RiskFlag.LOW_MOOD_THREE_IN_A_ROW)
                                    .contains(RiskFlag.OVERDUE_STEP);
        assertThat(view.coachSees()).containsExactly("PLAN_PROGRESS");
    }

    @Test
    void theTimelineShowsOnlyWhatTheConsentAllowsAndDropsFieldsWithTheirOwnConsent() {
        List<ClientEvent> events = List.of(
                event("MoodCheckedIn", T0, Map.of("score", 2, "sleepHours", 5.0)),
                event("UrgeRecorded", T0, Map.of("resisted", false)),
                event("ReflectionCompleted", T0, Map.of("promptId", "understand-why")),
                event("NoContactBroken", T0, Map.of("attemptDays", 3, "channel", "CALL", "initiatedBy", "EX")),
                event("EntryShared", T0, Map.of("entryId", "e1")));

        List<ClientEvent> byDefault = CoachConsent.of(null).show(events);
        assertThat(byDefault).extracting(ClientEvent::type)
                             .containsExactly("MoodCheckedIn", "NoContactBroken", "EntryShared");
        assertThat(byDefault.get(0).data()).containsOnlyKeys("score");
        assertThat(byDefault.get(1).data()).containsOnlyKeys("attemptDays");

        List<ClientEvent> everything = CoachConsent.of(List.of("MOOD_TREND", "SLEEP", "URGES", "JOURNAL_ACTIVITY",
                                                               "STREAK", "CONTACT_DETAILS")).show(events);
        assertThat(everything).hasSize(5);
        assertThat(everything.get(0).data()).containsEntry("sleepHours", 5.0);
        assertThat(everything.get(3).data()).containsEntry("initiatedBy", "EX");

        assertThat(CoachConsent.of(List.of()).show(events)).extracting(ClientEvent::type)
                                                           .containsExactly("EntryShared");
    }

    @Test
    void aNameThisServiceDoesNotKnowGrantsNothing() {
        CoachConsent consent = CoachConsent.of(List.of("SOMETHING_LATER", "URGES"));
        assertThat(consent.names()).containsExactly("URGES");
    }
}
