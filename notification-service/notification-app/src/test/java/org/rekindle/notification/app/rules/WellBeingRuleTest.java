package org.rekindle.notification.app.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WELL_BEING_LOW_OR_DROPPED at its boundaries: a WHO-5 at 28 % alerts and 32 % does not; a fall of 10 points or
 * more from the previous check-in alerts and 9 does not (percentages move in steps of 4: 12 alerts, 8 does not);
 * once per check-in, only when fresh, only with MOOD_TREND, never held by the coach's quiet hours.
 */
class WellBeingRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
    private static final String CLIENT = "sam";
    private static final String TYPE = "rekindle.journal.WellBeingCheckedIn.v1";
    private static final Preferences DEFAULTS = Preferences.defaults(CLIENT);

    private final NotificationRules rules = new NotificationRules();

    private ClientFacts planned() {
        ClientActivity.PlanAssigned plan = new ClientActivity.PlanAssigned("p1", "rekindle.plan.PlanAssigned.v1",
                NOW.minus(Duration.ofDays(30)), "plan-1", "maya", "Europe/Lisbon", List.of(
                new ClientActivity.DueStep("letter", "Write your apology", LocalDate.parse("2026-12-25"))), Map.of());
        return rules.on(ClientFacts.of(CLIENT), plan, NOW.minus(Duration.ofDays(30)), DEFAULTS).facts();
    }

    private Decision who5(ClientFacts facts, String id, int percentage, Instant at) {
        return rules.on(facts, new ClientActivity.WellBeingCheckedIn(id, TYPE, at, percentage, "2026-W47"), NOW,
                        DEFAULTS);
    }

    private List<Notice> alerts(Decision decision) {
        return decision.notices().stream().filter(n -> n.rule() == Rule.WELL_BEING_LOW_OR_DROPPED).toList();
    }

    @ParameterizedTest(name = "a first WHO-5 at {0} % alerts: {1}")
    @CsvSource({"0,true", "28,true", "32,false", "100,false"})
    void aCheckInAtOrBelow28PercentAlertsTheCoach(int percentage, boolean alerts) {
        List<Notice> raised = alerts(who5(planned(), "w1", percentage, NOW.minusSeconds(60)));
        assertThat(raised).hasSize(alerts ? 1 : 0);
        raised.forEach(alert -> {
            assertThat(alert.recipientId()).isEqualTo("maya");
            assertThat(alert.key()).isEqualTo("WELL_BEING_LOW_OR_DROPPED:w1");
            assertThat(alert.title()).isEqualTo("sam: WHO-5 well-being " + percentage + " %, at or below 28 %");
            assertThat(alert.body()).contains("not a diagnosis");
            assertThat(alert.causes()).singleElement().satisfies(cause -> {
                assertThat(cause.eventId()).isEqualTo("w1");
                assertThat(cause.detail()).isEqualTo("WHO-5 " + percentage + " % (week 2026-W47)");
            });
        });
    }

    @ParameterizedTest(name = "{0} % then {1} % alerts: {2}")
    @CsvSource({"60,50,true", "60,51,false", "60,48,true", "60,52,false", "40,32,false", "44,32,true",
                "48,60,false"})
    void aDropOfTenPointsOrMoreAlertsTheCoach(int before, int after, boolean alerts) {
        ClientFacts facts = who5(planned(), "w1", before, NOW.minus(Duration.ofDays(7))).facts();
        List<Notice> raised = alerts(who5(facts, "w2", after, NOW.minusSeconds(60)));
        assertThat(raised).hasSize(alerts ? 1 : 0);
        raised.forEach(alert -> {
            assertThat(alert.title()).isEqualTo("sam: WHO-5 well-being fell from " + before + " % to " + after + " %");
            assertThat(alert.causes()).extracting(Cause::eventId).containsExactly("w1", "w2");
        });
    }

    @Test
    void theDropIsMeasuredFromThePreviousCheckInNotTheBest() {
        ClientFacts facts = who5(planned(), "w1", 72, NOW.minus(Duration.ofDays(14))).facts();
        facts = who5(facts, "w2", 64, NOW.minus(Duration.ofDays(7))).facts();
        assertThat(alerts(who5(facts, "w3", 56, NOW.minusSeconds(60)))).as("8 below the previous").isEmpty();
    }

    @Test
    void aCheckInOlderThan48HoursRaisesNothingButIsRemembered() {
        Decision replayed = who5(planned(), "w1", 20, NOW.minus(Duration.ofDays(3)));
        assertThat(alerts(replayed)).isEmpty();
        assertThat(replayed.facts().lastWellBeing().percentage()).isEqualTo(20);
        assertThat(alerts(who5(replayed.facts(), "w2", 60, NOW.minusSeconds(60)))).isEmpty();
    }

    @Test
    void aLateArrivalDoesNotReplaceTheLatestCheckIn() {
        ClientFacts facts = who5(planned(), "w2", 60, NOW.minusSeconds(60)).facts();
        Decision late = who5(facts, "w1", 80, NOW.minus(Duration.ofDays(1)));
        assertThat(late.facts().lastWellBeing().eventId()).isEqualTo("w2");
        assertThat(alerts(late)).isEmpty();
    }

    @Test
    void withoutMoodTrendTheCoachIsNotAlerted() {
        ClientFacts private_ = planned().withConsent(List.of("STREAK", "PLAN_PROGRESS"));
        assertThat(alerts(who5(private_, "w1", 12, NOW.minusSeconds(60)))).isEmpty();
        assertThat(alerts(who5(planned().withConsent(List.of("MOOD_TREND")), "w1", 12, NOW.minusSeconds(60))))
                .hasSize(1);
    }

    @Test
    void itIsACoachAlertNotAReminderAndTheCheckInCountsAsActivity() {
        Decision decision = who5(planned(), "w1", 24, NOW.minusSeconds(60));
        assertThat(alerts(decision)).singleElement().satisfies(alert -> {
            assertThat(alert.raisedAt()).isEqualTo(NOW);
            assertThat(alert.rule().isReminder()).as("only reminders wait out quiet hours").isFalse();
        });
        assertThat(decision.facts().lastActivityEventId()).isEqualTo("w1");
        assertThat(decision.facts().hasSeen("w1")).isTrue();
    }

    @Test
    void beforeTheCoachIsKnownTheAlertWaitsForTheAssignment() {
        Decision early = who5(ClientFacts.of(CLIENT), "w1", 16, NOW.minusSeconds(60));
        assertThat(early.notices()).isEmpty();
        assertThat(early.facts().awaitingCoach()).extracting(Notice::rule)
                .containsExactly(Rule.WELL_BEING_LOW_OR_DROPPED);
    }
    @Test
    void theRuleIsTheOneJournalEventsPublishes() {
        assertThat(WellBeingRule.LOW_PERCENTAGE).isEqualTo(org.rekindle.journal.events.WellBeingCheckedIn.LOW_PERCENTAGE);
        assertThat(WellBeingRule.NOTABLE_DROP).isEqualTo(org.rekindle.journal.events.WellBeingCheckedIn.NOTABLE_DROP);
        for (int now = 0; now <= 100; now += 4) {
            assertThat(WellBeingRule.lowOrDropped(null, now))
                    .isEqualTo(org.rekindle.journal.events.WellBeingCheckedIn.lowOrDropped(null, now));
            for (int before = 0; before <= 100; before += 4) {
                assertThat(WellBeingRule.lowOrDropped(before, now)).as(before + " then " + now)
                        .isEqualTo(org.rekindle.journal.events.WellBeingCheckedIn.lowOrDropped(before, now));
            }
        }
    }
}
