package org.rekindle.notification.app.rules;

import org.junit.jupiter.api.Test;
import org.rekindle.notification.app.rules.Check.CheckKind;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Decisions folded one after the other leave what acting on each in turn would have left. */
class DecisionTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
    private static final Preferences DEFAULTS = Preferences.defaults("sam");

    private final NotificationRules rules = new NotificationRules();

    private ClientFacts planned() {
        ClientActivity.PlanAssigned plan = new ClientActivity.PlanAssigned("p1", "rekindle.plan.PlanAssigned.v1",
                NOW.minus(Duration.ofDays(3)), "plan-1", "maya", "Europe/Lisbon", List.of(), Map.of());
        ClientFacts facts = rules.on(ClientFacts.of("sam"), plan, NOW.minus(Duration.ofDays(3)), DEFAULTS).facts();
        return rules.on(facts, mood("m0", 4, NOW.minus(Duration.ofDays(1))), NOW, DEFAULTS).facts();
    }

    private static ClientActivity mood(String id, int score, Instant at) {
        return new ClientActivity.MoodCheckedIn(id, "rekindle.journal.MoodCheckedIn.v1", at, score);
    }

    @Test
    void aBatchOfActivityLeavesOneInactivityCheckReplacingTheOneBeforeTheBatch() {
        ClientFacts before = planned();
        Decision first = rules.on(before, mood("m1", 2, NOW.minusSeconds(30)), NOW, DEFAULTS);
        Decision second = rules.on(first.facts(), mood("m2", 2, NOW.minusSeconds(20)), NOW, DEFAULTS);
        Decision third = rules.on(second.facts(), mood("m3", 2, NOW.minusSeconds(10)), NOW, DEFAULTS);

        Decision folded = first.then(second).then(third);

        assertThat(folded.facts()).isEqualTo(third.facts());
        assertThat(folded.checks()).filteredOn(c -> c.kind() == CheckKind.NO_ACTIVITY).singleElement()
                .satisfies(check -> {
                    assertThat(check.key()).isEqualTo("inactive:sam:m3");
                    assertThat(check.params()).containsEntry("eventId", "m3")
                                              .containsEntry(Check.SUPERSEDES, "inactive:sam:m0");
                });
        assertThat(folded.notices()).as("the third low mood in a row alerts, as it would alone")
                .extracting(Notice::rule).containsExactlyElementsOf(third.notices().stream().map(Notice::rule).toList())
                .contains(Rule.LOW_MOOD_THREE_IN_A_ROW);
    }

    @Test
    void aCheckNotSupersededInTheBatchKeepsWhatItReplaced() {
        Decision alone = rules.on(planned(), mood("m1", 4, NOW.minusSeconds(30)), NOW, DEFAULTS);
        Decision nothingNew = new Decision(alone.facts(), List.of(), List.of());

        assertThat(alone.then(nothingNew).checks()).isEqualTo(alone.checks());
        assertThat(nothingNew.then(alone).checks()).isEqualTo(alone.checks());
    }
}
