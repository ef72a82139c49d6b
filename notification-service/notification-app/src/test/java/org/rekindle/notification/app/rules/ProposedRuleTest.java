package org.rekindle.notification.app.rules;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The backtest's rules over fixed histories. */
class ProposedRuleTest {

    private static final Instant T = Instant.parse("2026-11-01T08:00:00Z");

    private static ClientActivity mood(String id, int score, long hours) {
        return new ClientActivity.MoodCheckedIn(id, "rekindle.journal.MoodCheckedIn.v1", T.plus(Duration.ofHours(hours)),
                                                score);
    }

    @Test
    void moodAtOrBelowThreeTwiceIn48HoursFiresOncePerEpisode() {
        ProposedRule rule = new ProposedRule.MoodAtOrBelow(3, 2, Duration.ofHours(48));
        List<ClientActivity> sam = List.of(mood("a", 3, 0), mood("b", 5, 10), mood("c", 2, 40), mood("d", 1, 41),
                                           mood("e", 3, 200), mood("f", 2, 260));
        assertThat(rule.replay(sam)).extracting(ProposedRule.Firing::causeEventIds)
                .as("a+c within 48 h; d starts a new window; e and f are 60 h apart")
                .containsExactly(List.of("a", "c"));
    }

    @Test
    void theResultCountsPerClientAndTheBreachRuleFiltersByInitiator() {
        ClientActivity details = new ClientActivity.ConsentChanged("c", "t", T.minusSeconds(60),
                                                                   List.of("STREAK", "CONTACT_DETAILS"));
        ClientActivity byClient = new ClientActivity.NoContactBroken("b1", "t", T, "p", "TEXT", "CLIENT", 4);
        ClientActivity byEx = new ClientActivity.NoContactBroken("b2", "t", T.plusSeconds(60), "p", "CALL", "EX", 0);
        BacktestResult result = BacktestResult.of(new ProposedRule.Breach("CLIENT"), Map.of(
                "sam", List.of(byEx, byClient, details), "priya", List.of(details, mood("m", 1, 0)),
                "jordan", List.of(byClient)));
        assertThat(result.alerts()).isEqualTo(1);
        assertThat(result.clientsReplayed()).isEqualTo(2);
        assertThat(result.clientsWithheld()).as("jordan keeps who initiated to themself (the default)").isEqualTo(1);
        assertThat(result.eventsReplayed()).isEqualTo(5);
        assertThat(result.byClient()).singleElement().satisfies(client -> {
            assertThat(client.clientId()).isEqualTo("sam");
            assertThat(client.firings().get(0).causeEventIds()).containsExactly("b1");
        });
        assertThat(BacktestResult.of(new ProposedRule.Breach(null), Map.of("sam", List.of(byEx, byClient))).alerts())
                .as("any breach: the streak, shared by default").isEqualTo(2);
    }

    @Test
    void aClientsLatestConsentDecidesWhetherTheirMoodsAreReplayed() {
        ProposedRule lowMood = new ProposedRule.MoodAtOrBelow(2, 1, Duration.ofHours(48));
        ClientActivity hidden = new ClientActivity.ConsentChanged("c1", "t", T, List.of("STREAK"));
        ClientActivity shownAgain = new ClientActivity.ConsentChanged("c2", "t", T.plusSeconds(600),
                                                                      List.of("MOOD_TREND"));
        assertThat(BacktestResult.of(lowMood, Map.of("sam", List.of(mood("m", 1, 0), hidden))).clientsWithheld())
                .isEqualTo(1);
        assertThat(BacktestResult.of(lowMood, Map.of("sam", List.of(shownAgain, mood("m", 1, 0), hidden))).alerts())
                .as("ordered by time: the later choice counts").isEqualTo(1);
    }
}
