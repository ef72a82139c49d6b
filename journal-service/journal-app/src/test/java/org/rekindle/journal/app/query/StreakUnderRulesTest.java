package org.rekindle.journal.app.query;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streak is folded when read from the contacts the journal logged, each under the plan's rules in force at its
 * time: a contact that does not restart joins the attempts around it, one that restarts without being a breach ends
 * its attempt as CONTACT; a change from a day on leaves earlier contacts as they were counted; without a plan every
 * contact breaks, as before.
 */
class StreakUnderRulesTest {

    private static final Instant START = Instant.parse("2026-11-01T09:00:00Z");
    private static final Instant NOW = START.plus(Duration.ofDays(30));
    private static final ContactRulesTimeline.Verdict BREACH = new ContactRulesTimeline.Verdict(true, true);
    private static final ContactRulesTimeline.Verdict NOTHING = new ContactRulesTimeline.Verdict(false, false);

    /** 30 days of no contact: the ex called on day 8 (the client answered), the client texted on day 20. */
    private final org.bson.Document facts = facts();

    private static org.bson.Document facts() {
        StreakState state = StreakState.of(null);
        state.opened(START);
        state.periodStarted("period-1", 30, START);
        state.attemptBroken(day(8), 8, "EX");
        state.attemptBroken(day(20), 12, "CLIENT");
        return state.toDocument();
    }

    private static Instant day(int n) {
        return START.plus(Duration.ofDays(n));
    }

    private static ContactRulesTimeline.Ruling ruling(ContactRulesTimeline.Verdict ex, Integer target) {
        return new ContactRulesTimeline.Ruling(Map.of("CLIENT", BREACH, "EX", ex), target);
    }

    private static ContactRulesTimeline.Change change(String id, String plan, Instant effective, Instant changed,
                                                      ContactRulesTimeline.Ruling ruling) {
        return new ContactRulesTimeline.Change(id, plan, effective, changed, ruling);
    }

    private StreakView streak(ContactRulesTimeline rules) {
        return StreakView.of("client-1", facts, rules, NOW);
    }

    @Test
    void withoutAPlanEveryContactIsABreachThatRestarts() {
        StreakView streak = streak(ContactRulesTimeline.NONE);
        assertThat(streak.attempts()).extracting(StreakView.AttemptView::days).containsExactly(8, 12, 10);
        assertThat(streak.attempts()).extracting(StreakView.AttemptView::endedBy)
                                     .containsExactly("BREACH", "BREACH", null);
        assertThat(streak.currentStreakDays()).isEqualTo(10);
        assertThat(streak.longestStreakDays()).isEqualTo(12);
    }

    @Test
    void contactTheExStartedJoinsTheAttemptsAroundItWhenItDoesNotRestart() {
        StreakView streak = streak(new ContactRulesTimeline("plan-1", ruling(NOTHING, null), List.of()));
        assertThat(streak.attempts()).extracting(StreakView.AttemptView::days).containsExactly(20, 10);
        assertThat(streak.attempts().get(0).startedAt()).isEqualTo(START);
        assertThat(streak.attempts().get(0).initiatedBy()).isEqualTo("CLIENT");
        assertThat(streak.longestStreakDays()).isEqualTo(20);
        assertThat(streak.currentStreakDays()).isEqualTo(10);
    }

    @Test
    void aRetroactiveChangeRecountsAndAChangeFromALaterDayLeavesEarlierContactAsCounted() {
        ContactRulesTimeline.Ruling strict = ruling(BREACH, null);
        ContactRulesTimeline retroactive = new ContactRulesTimeline("plan-1", strict, List.of(
                change("e1", "plan-1", START, NOW, ruling(NOTHING, null))));
        assertThat(streak(retroactive).longestStreakDays()).isEqualTo(20);

        ContactRulesTimeline fromDay10 = new ContactRulesTimeline("plan-1", strict, List.of(
                change("e1", "plan-1", day(10), NOW, ruling(NOTHING, null))));
        assertThat(streak(fromDay10).attempts()).extracting(StreakView.AttemptView::days).containsExactly(8, 12, 10);
    }

    @Test
    void ofTwoChangesInForceTheOneMadeLastWinsWhateverTheOrderTheyArrivedIn() {
        ContactRulesTimeline.Change lenient = change("e1", "plan-1", START, day(21), ruling(NOTHING, null));
        ContactRulesTimeline.Change strictAgain = change("e2", "plan-1", START, day(22), ruling(BREACH, null));
        ContactRulesTimeline.Ruling strict = ruling(BREACH, null);
        for (List<ContactRulesTimeline.Change> order : List.of(List.of(lenient, strictAgain),
                                                               List.of(strictAgain, lenient))) {
            assertThat(streak(new ContactRulesTimeline("plan-1", strict, order)).longestStreakDays()).isEqualTo(12);
        }
    }

    @Test
    void contactThatRestartsWithoutBeingABreachEndsItsAttemptAsContact() {
        StreakView streak = streak(new ContactRulesTimeline(
                "plan-1", ruling(new ContactRulesTimeline.Verdict(false, true), null), List.of()));
        assertThat(streak.attempts()).extracting(StreakView.AttemptView::endedBy)
                                     .containsExactly("CONTACT", "BREACH", null);
    }

    @Test
    void aContactJoinedIntoTheRunningAttemptCountsItFromTheEarlierStart() {
        StreakState state = StreakState.of(null);
        state.periodStarted("period-1", 30, START);
        state.attemptBroken(day(25), 25, "EX");
        StreakView streak = StreakView.of("client-1", state.toDocument(),
                                          new ContactRulesTimeline("plan-1", ruling(NOTHING, null), List.of()), NOW);
        assertThat(streak.currentStreakDays()).isEqualTo(30);
        assertThat(streak.targetReached()).isTrue();
        assertThat(streak.attempts()).hasSize(1);
    }

    @Test
    void theCoachsTargetInForceNowIsTheTargetAndOtherPlansChangesDoNotApply() {
        ContactRulesTimeline rules = new ContactRulesTimeline("plan-2", ruling(BREACH, 45), List.of(
                change("e1", "plan-1", START, day(1), ruling(NOTHING, 10))));
        StreakView streak = streak(rules);
        assertThat(streak.targetDays()).isEqualTo(45);
        assertThat(streak.longestStreakDays()).as("plan-1's lenient change is not plan-2's").isEqualTo(12);
        assertThat(streak(new ContactRulesTimeline("plan-2", ruling(BREACH, null), List.of())).targetDays())
                .as("no coach target: the period's").isEqualTo(30);
    }
}
