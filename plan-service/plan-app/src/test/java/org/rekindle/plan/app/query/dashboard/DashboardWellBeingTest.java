package org.rekindle.plan.app.query.dashboard;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly WHO-5 on the coach's row: the trend of percentages, and the risk "at or below 28 %, or 10 points or
 * more below the previous check-in", at its boundaries, as of a moment (time travel) and only with MOOD_TREND.
 */
class DashboardWellBeingTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final RiskFlag FLAG = RiskFlag.WELL_BEING_LOW_OR_DROPPED;
    private int ids;

    private ClientEvent event(String type, Instant at, Map<String, Object> data) {
        return new ClientEvent("e" + ids++, "c1", type, at, data);
    }

    private ClientEvent who5(int week, int percentage) {
        return event("WellBeingCheckedIn", T0.plus(Duration.ofDays(7L * week)),
                     Map.of("percentage", percentage, "rawScore", percentage / 4, "week", "2026-W" + (45 + week)));
    }

    private DashboardRow assigned() {
        return new DashboardRow("c1").apply(event("PlanAssigned", T0.minus(Duration.ofDays(1)), Map.of(
                "coachId", "k1", "planId", "p1", "timezone", "UTC", "steps", List.of())));
    }

    private static Instant after(int week) {
        return T0.plus(Duration.ofDays(7L * week)).plus(Duration.ofHours(1));
    }

    @ParameterizedTest(name = "a first check-in at {0} % flags: {1}")
    @CsvSource({"0,true", "24,true", "28,true", "32,false", "100,false"})
    void aCheckInAtOrBelow28PercentIsAFlag(int percentage, boolean flagged) {
        DashboardView row = assigned().apply(who5(0, percentage)).asOf(after(0));
        assertThat(row.riskFlags().contains(FLAG)).isEqualTo(flagged);
        assertThat(row.wellBeingTrend()).containsExactly(percentage);
    }

    @ParameterizedTest(name = "{0} % then {1} % flags: {2}")
    @CsvSource({"60,48,true", "60,50,true", "60,51,false", "60,52,false", "60,56,false", "48,60,false",
                "40,32,false", "44,32,true"})
    void aDropOfTenPointsOrMoreIsAFlag(int before, int after, boolean flagged) {
        DashboardView row = assigned().apply(who5(0, before)).apply(who5(1, after)).asOf(after(1));
        assertThat(row.riskFlags().contains(FLAG)).isEqualTo(flagged);
        assertThat(row.reasons().stream().anyMatch(r -> r.startsWith("WHO-5"))).isEqualTo(flagged);
    }

    @Test
    void theReasonSaysWhichInWords() {
        DashboardView low = assigned().apply(who5(0, 28)).asOf(after(0));
        assertThat(low.reasons()).contains("WHO-5 well-being 28 % (at or below 28 %) 1 h ago");
        assertThat(low.attention()).isEqualTo("MOOD_FALLING");
        DashboardView fell = assigned().apply(who5(0, 72)).apply(who5(1, 60)).asOf(after(1));
        assertThat(fell.reasons()).contains("WHO-5 well-being fell from 72 % to 60 % 1 h ago");
    }

    @Test
    void timeTravelSeesTheTrendAsItWas() {
        DashboardRow row = assigned().apply(who5(0, 68)).apply(who5(1, 64)).apply(who5(2, 48)).apply(who5(3, 52));
        assertThat(row.asOf(after(1)).wellBeingTrend()).containsExactly(68, 64);
        assertThat(row.asOf(after(1)).riskFlags()).doesNotContain(FLAG);
        assertThat(row.asOf(after(2)).riskFlags()).contains(FLAG);
        assertThat(row.asOf(after(3)).riskFlags()).as("a better week ends it").doesNotContain(FLAG);
        assertThat(row.asOf(after(3)).wellBeingTrend()).containsExactly(68, 64, 48, 52);
    }

    @Test
    void aCheckInFlagsForTheTwoWeeksItAskedAboutThenOnlyTheTrendStays() {
        DashboardRow row = assigned().apply(who5(0, 20));
        Instant at = T0;
        assertThat(row.asOf(at.plus(Duration.ofDays(14))).riskFlags()).contains(FLAG);
        assertThat(row.asOf(at.plus(Duration.ofDays(14)).plusSeconds(1)).riskFlags()).doesNotContain(FLAG);
        assertThat(row.asOf(at.plus(Duration.ofDays(15))).wellBeingTrend()).containsExactly(20);
    }

    @Test
    void arrivingLateStillFoldsInTimeOrder() {
        DashboardRow row = assigned().apply(who5(1, 40)).apply(who5(0, 60));
        assertThat(row.asOf(after(1)).wellBeingTrend()).containsExactly(60, 40);
        assertThat(row.asOf(after(1)).riskFlags()).contains(FLAG);
    }

    @Test
    void theTrendKeepsTwelveWeeks() {
        DashboardRow row = assigned();
        for (int week = 0; week < 15; week++) {
            row.apply(who5(week, 40 + week * 4));
        }
        assertThat(row.asOf(after(20)).wellBeingTrend()).hasSize(12).startsWith(52).endsWith(96);
    }

    @Test
    void withoutMoodTrendTheCoachSeesNeitherTrendNorFlag() {
        DashboardRow row = assigned().apply(who5(0, 20))
                                     .apply(event("ConsentChanged", after(0), Map.of("coachSees", List.of("STREAK"))));
        DashboardView view = row.asOf(after(0));
        assertThat(view.wellBeingTrend()).isNull();
        assertThat(view.riskFlags()).doesNotContain(FLAG);
        assertThat(view.reasons()).noneMatch(r -> r.startsWith("WHO-5"));
        assertThat(CoachConsent.of(List.of("STREAK")).show(who5(0, 20))).isNull();
        assertThat(CoachConsent.of(null).show(who5(0, 20))).isNotNull();
    }

    @Test
    void theRowKeepsItsCheckInsWhenStoredAndReadBack() throws Exception {
        ObjectMapper json = JsonMapper.builder().addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        DashboardRow row = assigned().apply(who5(0, 60)).apply(who5(1, 44));
        DashboardRow read = json.readValue(json.writeValueAsString(row), DashboardRow.class);
        assertThat(read.asOf(after(1)).wellBeingTrend()).containsExactly(60, 44);
        assertThat(read.asOf(after(1)).riskFlags()).contains(FLAG);
    }
    @Test
    void theRuleIsTheOneJournalEventsPublishes() {
        assertThat(WellBeingTrend.LOW_PERCENTAGE).isEqualTo(org.rekindle.journal.events.WellBeingCheckedIn.LOW_PERCENTAGE);
        assertThat(WellBeingTrend.NOTABLE_DROP).isEqualTo(org.rekindle.journal.events.WellBeingCheckedIn.NOTABLE_DROP);
        for (int now = 0; now <= 100; now += 4) {
            assertThat(WellBeingTrend.lowOrDropped(null, now))
                    .isEqualTo(org.rekindle.journal.events.WellBeingCheckedIn.lowOrDropped(null, now));
            for (int before = 0; before <= 100; before += 4) {
                assertThat(WellBeingTrend.lowOrDropped(before, now)).as(before + " then " + now)
                        .isEqualTo(org.rekindle.journal.events.WellBeingCheckedIn.lowOrDropped(before, now));
            }
        }
    }
}
