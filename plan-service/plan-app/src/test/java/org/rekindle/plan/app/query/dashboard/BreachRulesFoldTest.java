package org.rekindle.plan.app.query.dashboard;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every contact counts under the breach rules in force at its time: the reply rule, whether the ex's contact restarts
 * the attempt, the coach's target; changes from a day on and retroactive ones; in any fold order.
 */
class BreachRulesFoldTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant EX_CONTACT = T0.plus(Duration.ofDays(10)).plus(Duration.ofHours(20));
    private static final Instant NOW = T0.plus(Duration.ofDays(20)).plus(Duration.ofHours(12));
    private int ids;

    private ClientEvent event(String type, Instant at, Map<String, Object> data) {
        return new ClientEvent("e" + ids++, "c1", type, at, data);
    }

    private List<ClientEvent> history(boolean replyCounts) {
        return new ArrayList<>(List.of(
                event("PlanAssigned", T0, Map.of("coachId", "k1", "planId", "p1", "timezone", "UTC",
                                                 "replyToExCountsAsBreach", replyCounts, "steps", List.of())),
                event("NoContactStarted", T0, Map.of("targetDays", 30)),
                event("NoContactBroken", EX_CONTACT, Map.of("attemptDays", 10, "channel", "TEXT", "initiatedBy", "EX"))));
    }

    private ClientEvent rulesChanged(Instant effectiveAt, Instant changedAt, boolean replyCounts, boolean restarts,
                                     Integer target) {
        Map<String, Object> rules = new HashMap<>();
        rules.put("replyToExCountsAsBreach", replyCounts);
        rules.put("exContactRestartsPeriod", restarts);
        rules.put("noContactTargetDays", target);
        return event("PlanBreachRulesChanged", effectiveAt, Map.of("planId", "p1", "rules", rules,
                                                                   "changedAt", changedAt.toString()));
    }

    private static DashboardView fold(List<ClientEvent> events, Instant now) {
        DashboardRow row = new DashboardRow("c1");
        events.forEach(row::apply);
        return row.asOf(now);
    }

    @Test
    void aReplyToTheExIsNoBreachUnlessThePlanSaysSo() {
        DashboardView notCounted = fold(history(false), NOW);
        assertThat(notCounted.currentStreakDays()).isEqualTo(20);
        assertThat(notCounted.breachesLast7Days()).isZero();

        DashboardView counted = fold(history(true), EX_CONTACT.plus(Duration.ofDays(1)));
        assertThat(counted.currentStreakDays()).isEqualTo(1);
        assertThat(counted.longestStreakDays()).isEqualTo(10);
        assertThat(counted.breachesLast7Days()).isEqualTo(1);
        assertThat(counted.riskFlags()).contains(RiskFlag.BREACH_IN_48H);
    }

    @Test
    void aContactTheClientInitiatedAlwaysCountsAndRestarts() {
        List<ClientEvent> events = history(false);
        events.add(event("NoContactBroken", EX_CONTACT.plus(Duration.ofDays(5)),
                         Map.of("attemptDays", 15, "channel", "CALL", "initiatedBy", "CLIENT")));
        DashboardView view = fold(events, NOW);
        assertThat(view.currentStreakDays()).isEqualTo(4);
        assertThat(view.longestStreakDays()).isEqualTo(15);
        assertThat(view.breachesLast7Days()).isEqualTo(1);
    }

    @Test
    void aRetroactiveChangeRecountsThePastAndTheOrderAfterTheAssignmentDoesNotMatter() {
        List<ClientEvent> events = history(false);
        events.add(rulesChanged(T0, NOW.minus(Duration.ofHours(1)), true, true, null));
        DashboardView view = fold(events, NOW);
        assertThat(view.currentStreakDays()).as("the ex's text now restarted the attempt").isEqualTo(9);
        assertThat(view.longestStreakDays()).isEqualTo(10);

        List<ClientEvent> reversed = new ArrayList<>(events.subList(1, events.size()));
        Collections.reverse(reversed);
        reversed.add(0, events.get(0));
        assertThat(fold(reversed, NOW)).usingRecursiveComparison().isEqualTo(view);
    }

    @Test
    void aChangeFromADayLeavesEarlierContactsAsTheyWereCounted() {
        List<ClientEvent> events = history(true);
        events.add(rulesChanged(T0.plus(Duration.ofDays(15)), NOW, false, false, null));
        DashboardView view = fold(events, NOW);
        assertThat(view.currentStreakDays()).as("the contact on day 10 was before the change").isEqualTo(9);
    }

    @Test
    void theExsContactCanCountAsABreachWithoutRestartingTheAttempt() {
        List<ClientEvent> events = history(false);
        events.add(rulesChanged(T0, NOW, true, false, null));
        DashboardView atTheContact = fold(events, EX_CONTACT.plus(Duration.ofHours(1)));
        assertThat(atTheContact.riskFlags()).contains(RiskFlag.BREACH_IN_48H);
        assertThat(atTheContact.currentStreakDays()).isEqualTo(10);
    }

    @Test
    void theLastChangeMadeWinsFromItsDayOnAndTheCoachsTargetReplacesThePeriods() {
        List<ClientEvent> events = history(false);
        events.add(rulesChanged(T0.plus(Duration.ofDays(5)), NOW.minus(Duration.ofHours(2)), true, true, 45));
        events.add(rulesChanged(T0, NOW.minus(Duration.ofHours(1)), false, false, 60));
        DashboardView view = fold(events, NOW);
        assertThat(view.currentStreakDays()).as("the retroactive change made last replaced the one from day 5")
                                            .isEqualTo(20);
        assertThat(view.targetDays()).isEqualTo(60);
    }

    @Test
    void aRetroactiveChangeFoldedBeforeALaterAssignmentStillCounts() {
        List<ClientEvent> events = history(false);
        ClientEvent assigned = event("PlanAssigned", NOW.minus(Duration.ofHours(3)), Map.of("coachId", "k1",
                "planId", "p1", "timezone", "UTC", "replyToExCountsAsBreach", false, "steps", List.of()));
        events.set(0, assigned);
        ClientEvent change = rulesChanged(T0, NOW.minus(Duration.ofHours(1)), true, true, null);
        List<ClientEvent> asRecorded = new ArrayList<>(events);
        asRecorded.add(change);
        List<ClientEvent> asItHappened = new ArrayList<>(asRecorded);
        asItHappened.sort(java.util.Comparator.comparing(ClientEvent::time));
        assertThat(asItHappened.indexOf(change)).as("effective from the start, before the assignment")
                                                .isLessThan(asItHappened.indexOf(assigned));
        DashboardView live = fold(asRecorded, NOW);
        assertThat(live.currentStreakDays()).isEqualTo(9);
        assertThat(fold(asItHappened, NOW)).usingRecursiveComparison().isEqualTo(live);
    }

    @Test
    void aNewPlanStartsFromItsOwnRules() {
        List<ClientEvent> events = history(false);
        events.add(rulesChanged(T0, NOW.minus(Duration.ofHours(1)), true, true, null));
        events.add(event("PlanAssigned", NOW.minus(Duration.ofMinutes(30)), Map.of("coachId", "k1", "planId", "p2",
                "timezone", "UTC", "replyToExCountsAsBreach", false, "steps", List.of())));
        assertThat(fold(events, NOW).currentStreakDays()).isEqualTo(20);
    }
}
