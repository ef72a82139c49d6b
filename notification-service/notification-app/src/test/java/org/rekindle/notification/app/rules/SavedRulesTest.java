package org.rekindle.notification.app.rules;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules a coach saved from a backtest, on a client's new events at controlled instants. */
class SavedRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
    private static final Preferences DEFAULTS = Preferences.defaults("sam");
    private static final SavedRule LOW_TWICE_IN_48H = SavedRule.of("maya", new ProposedRule.MoodAtOrBelow(
            3, 2, Duration.ofHours(48)), NOW.minus(Duration.ofDays(1)));

    private final NotificationRules rules = new NotificationRules();

    private ClientFacts planned() {
        ClientActivity.PlanAssigned plan = new ClientActivity.PlanAssigned("p1", "rekindle.plan.PlanAssigned.v1",
                NOW.minus(Duration.ofDays(3)), "plan-1", "maya", "UTC", List.of(
                new ClientActivity.DueStep("letter", "Write your apology", LocalDate.parse("2026-11-25"))), Map.of());
        return rules.on(ClientFacts.of("sam"), plan, NOW.minus(Duration.ofDays(3)), DEFAULTS).facts();
    }

    private Decision mood(ClientFacts facts, String id, int score, Instant at, SavedRule... saved) {
        return rules.on(facts, new ClientActivity.MoodCheckedIn(id, "rekindle.journal.MoodCheckedIn.v1", at, score),
                        NOW, DEFAULTS, List.of(saved));
    }

    private static List<Notice> saved(Decision decision) {
        return decision.notices().stream().filter(n -> n.key().startsWith("SAVED:")).toList();
    }

    @Test
    void aSavedMoodRuleFiresOncePerEpisodeWithAWhyNamingItsParametersAndItsCauses() {
        Decision first = mood(planned(), "m1", 3, NOW.minus(Duration.ofHours(30)), LOW_TWICE_IN_48H);
        assertThat(saved(first)).isEmpty();
        assertThat(first.facts().savedRuleWindows().get(LOW_TWICE_IN_48H.id())).extracting(ClientFacts.Mood::eventId)
                .containsExactly("m1");

        Decision second = mood(first.facts(), "m2", 2, NOW.minus(Duration.ofHours(1)), LOW_TWICE_IN_48H);
        assertThat(saved(second)).singleElement().satisfies(alert -> {
            assertThat(alert.recipientId()).isEqualTo("maya");
            assertThat(alert.rule()).isEqualTo(Rule.SAVED_MOOD_RULE);
            assertThat(alert.why()).isEqualTo("A rule you saved from a backtest: mood at or below 3, 2 times within "
                                              + "48 hours.");
            assertThat(alert.title()).contains("mood at or below 3, 2 times within 48 hours");
            assertThat(alert.causes()).extracting(Cause::eventId, Cause::detail).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("m1", "mood 3 of 5"),
                    org.assertj.core.groups.Tuple.tuple("m2", "mood 2 of 5"));
        });

        Decision third = mood(second.facts(), "m3", 1, NOW, LOW_TWICE_IN_48H);
        assertThat(saved(third)).as("the episode's moods were consumed: one more low mood starts a new window")
                                .isEmpty();
        assertThat(saved(mood(third.facts(), "m4", 2, NOW, LOW_TWICE_IN_48H))).hasSize(1);
    }

    @Test
    void moodsOutsideTheWindowOrAboveTheScoreDoNotCount() {
        Decision old = mood(planned(), "m1", 3, NOW.minus(Duration.ofHours(60)), LOW_TWICE_IN_48H);
        Decision fine = mood(old.facts(), "m2", 5, NOW.minus(Duration.ofHours(2)), LOW_TWICE_IN_48H);
        assertThat(saved(mood(fine.facts(), "m3", 3, NOW, LOW_TWICE_IN_48H))).as("m1 is 60 h before m3").isEmpty();
    }

    @Test
    void withoutMoodConsentTheRuleDoesNotRunForTheClient() {
        ClientFacts private_ = planned().withConsent(List.of("STREAK", "PLAN_PROGRESS"));
        Decision first = mood(private_, "m1", 1, NOW.minusSeconds(60), LOW_TWICE_IN_48H);
        Decision second = mood(first.facts(), "m2", 1, NOW, LOW_TWICE_IN_48H);
        assertThat(saved(second)).isEmpty();
        assertThat(second.facts().savedRuleWindows()).isEmpty();
    }

    @Test
    void aFiringOnHistoryIsNotNewsAndADeletedRulesWindowIsDropped() {
        Decision first = mood(planned(), "m1", 1, NOW.minus(Duration.ofDays(5)), LOW_TWICE_IN_48H);
        Decision second = mood(first.facts(), "m2", 1, NOW.minus(Duration.ofDays(4)), LOW_TWICE_IN_48H);
        assertThat(saved(second)).as("older than 48 h: consumed, not raised").isEmpty();
        assertThat(second.facts().savedRuleWindows().get(LOW_TWICE_IN_48H.id())).isEmpty();

        Decision kept = mood(planned(), "m1", 1, NOW, LOW_TWICE_IN_48H);
        assertThat(mood(kept.facts(), "m2", 5, NOW).facts().savedRuleWindows()).as("the rule was deleted").isEmpty();
    }

    @Test
    void aSavedBreachRuleByTheClientNeedsContactDetailsAndNamesThem() {
        SavedRule byClient = SavedRule.of("maya", new ProposedRule.Breach("CLIENT"), NOW);
        ClientActivity breach = new ClientActivity.NoContactBroken("b1", "rekindle.journal.NoContactBroken.v1",
                                                                   NOW.minusSeconds(5), "nc1", "TEXT", "CLIENT", 3);
        assertThat(saved(rules.on(planned(), breach, NOW, DEFAULTS, List.of(byClient))))
                .as("by default the client keeps who initiated contact").isEmpty();

        ClientFacts sharing = planned().withConsent(List.of("STREAK", "CONTACT_DETAILS"));
        assertThat(saved(rules.on(sharing, breach, NOW, DEFAULTS, List.of(byClient)))).singleElement()
                .satisfies(alert -> {
                    assertThat(alert.rule()).isEqualTo(Rule.SAVED_BREACH_BY_INITIATOR_RULE);
                    assertThat(alert.why()).contains("initiated by the client");
                    assertThat(alert.causes()).singleElement().extracting(Cause::detail)
                                              .isEqualTo("contact by text, initiated by client");
                });
    }

    @Test
    void savingTheSameParametersTwiceIsOneRule() {
        assertThat(SavedRule.of("maya", new ProposedRule.Breach(null), NOW).id())
                .isEqualTo(SavedRule.of("maya", new ProposedRule.Breach(null), NOW.plusSeconds(9)).id())
                .isNotEqualTo(SavedRule.of("leo", new ProposedRule.Breach(null), NOW).id())
                .isNotEqualTo(SavedRule.of("maya", new ProposedRule.Breach("EX"), NOW).id());
    }
}
