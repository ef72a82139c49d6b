package org.rekindle.notification.app.rules;

import org.junit.jupiter.api.Test;
import org.rekindle.notification.app.rules.SafetyAlerts.Concern;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The safety alert's words, keys and freshness: no text, one alert per concern, escalation once. */
class SafetyAlertsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T03:00:00Z");
    private static final Concern CONCERN = new Concern("event-1", "rekindle.journal.SafetyConcernRaised.v1",
                                                       "client-sam", "entry-1", "REFLECTION_TEXT",
                                                       "SUICIDAL_IDEATION", NOW.minusSeconds(60), NOW.minusSeconds(59));

    @Test
    void theCoachIsToldWhatKindOfTextMatchedWhatAndWhenItEscalates() {
        Notice alert = SafetyAlerts.toCoach(CONCERN, "coach-maya", Duration.ofMinutes(30), NOW);
        assertThat(alert.rule()).isEqualTo(Rule.SAFETY_CONCERN);
        assertThat(alert.recipientId()).isEqualTo("coach-maya");
        assertThat(alert.key()).isEqualTo("SAFETY_CONCERN:event-1");
        assertThat(alert.title()).isEqualTo("Safety alert: client-sam may be at risk");
        assertThat(alert.body()).contains("a reflection").contains("thoughts of suicide").contains("30 minutes")
                                .contains("crisis resources");
        assertThat(alert.causes()).singleElement().satisfies(cause -> {
            assertThat(cause.eventId()).isEqualTo("event-1");
            assertThat(cause.detail()).isEqualTo("thoughts of suicide in a reflection");
        });
        assertThat(Rule.SAFETY_CONCERN.consent()).as("raised whatever the client's consent").isEmpty();
        assertThat(Rule.SAFETY_CONCERN.isReminder()).as("never waits for quiet hours").isFalse();
        assertThat(Rule.SAFETY_CONCERN.urgent()).isTrue();
        assertThat(Rule.BREACH_REPORTED.urgent()).isFalse();
    }

    @Test
    void theSameConcernMakesTheSameKeys() {
        assertThat(SafetyAlerts.toCoach(CONCERN, "coach-maya", Duration.ofMinutes(30), NOW.plusSeconds(5)).key())
                .isEqualTo(SafetyAlerts.toCoach(CONCERN, "coach-maya", Duration.ofMinutes(30), NOW).key());
        assertThat(SafetyAlerts.escalation(CONCERN, "admin-harbour", "coach-maya", NOW).key())
                .isEqualTo("SAFETY_CONCERN_ESCALATED:event-1");
    }

    @Test
    void theAdminIsToldWhoDidNotAcknowledge() {
        Notice escalated = SafetyAlerts.escalation(CONCERN, "admin-harbour", "coach-maya", NOW);
        assertThat(escalated.rule()).isEqualTo(Rule.SAFETY_CONCERN_ESCALATED);
        assertThat(escalated.recipientId()).isEqualTo("admin-harbour");
        assertThat(escalated.title()).startsWith("Escalated safety alert");
        assertThat(escalated.body()).contains("coach-maya").contains("has not acknowledged");
        assertThat(SafetyAlerts.escalation(CONCERN, "admin-harbour", null, NOW).body())
                .contains("no coach assigned");
    }

    @Test
    void aConcernOlderThanTwoDaysIsHistoryNotNews() {
        assertThat(SafetyAlerts.fresh(CONCERN, NOW)).isTrue();
        assertThat(SafetyAlerts.fresh(CONCERN, CONCERN.raisedAt().plus(SafetyAlerts.FRESH_FOR))).isTrue();
        assertThat(SafetyAlerts.fresh(CONCERN, CONCERN.raisedAt().plus(SafetyAlerts.FRESH_FOR).plusSeconds(1)))
                .isFalse();
    }
}
