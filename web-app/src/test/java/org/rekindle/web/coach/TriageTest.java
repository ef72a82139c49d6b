package org.rekindle.web.coach;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.rekindle.web.api.People;
import org.rekindle.web.config.WebProperties;
import org.springframework.web.client.RestClient;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The coach dashboard's filters, search, summary and marks over rows as plan-service sends them. */
class TriageTest {

    private final Triage triage = new Triage(new People(RestClient.builder(),
                                                        new WebProperties(null, null, null, null, null, "", null, null)));

    private final List<Map<String, Object>> rows = List.of(
            row("client-sam", "CONTACT_BROKEN", "ACTIVE", "2026-12-03T10:00:00Z"),
            row("client-priya", "MOOD_FALLING", "ACTIVE", "2026-12-02T10:00:00Z"),
            row("client-jordan", "CALM", "ACTIVE", "2026-12-01T10:00:00Z"),
            row("client-alex", "GONE_QUIET", "PAUSED", null),
            row("client-kim", "CALM", "FINISHED", "2026-11-01T10:00:00Z"));

    private static Map<String, Object> row(String clientId, String attention, String planStatus, String lastActivityAt) {
        Map<String, Object> row = new HashMap<>();
        row.put("clientId", clientId);
        row.put("attention", attention);
        row.put("planStatus", planStatus);
        row.put("lastActivityAt", lastActivityAt);
        return row;
    }

    @Test
    void showsEveryoneByDefaultAndFiltersByNeedAndPlanStatus() {
        assertThat(ids(triage.select(rows, null, null))).hasSize(5);
        assertThat(ids(triage.select(rows, "needs", null))).as("a paused plan waits; calm clients need nothing")
                                                          .containsExactly("client-sam", "client-priya");
        assertThat(ids(triage.select(rows, "paused", ""))).containsExactly("client-alex");
        assertThat(ids(triage.select(rows, "finished", ""))).containsExactly("client-kim");
        assertThat(ids(triage.select(rows, "no-such-filter", ""))).hasSize(5);
        assertThat(triage.choices(rows)).extracting(Triage.Choice::key, Triage.Choice::count)
                                        .containsExactly(Tuple.tuple("all", 5L), Tuple.tuple("needs", 2L),
                                                         Tuple.tuple("paused", 1L), Tuple.tuple("finished", 1L));
    }

    @Test
    void findsAClientByPartOfTheirIdWhateverTheCase() {
        assertThat(ids(triage.select(rows, "all", "  PRI "))).containsExactly("client-priya");
        assertThat(triage.select(rows, "all", "nobody")).isEmpty();
    }

    @Test
    void summarisesWhoNeedsTheCoachMostUrgentFirst() {
        assertThat(triage.summary(rows)).isEqualTo("2 clients need you: contact broken 1, mood falling 1.");
        assertThat(triage.summary(List.of(rows.get(2)))).isEqualTo("Nobody needs you right now.");
        assertThat(triage.summary(List.of())).isEmpty();
    }

    @Test
    void marksWhatIsNewSinceThePreviousVisitButNothingOnAFirstVisit() {
        Instant visit = Instant.parse("2026-12-02T12:00:00Z");
        assertThat(triage.isNewSince(rows.get(0), visit)).isTrue();
        assertThat(triage.isNewSince(rows.get(1), visit)).isFalse();
        assertThat(triage.isNewSince(rows.get(3), visit)).as("never active").isFalse();
        assertThat(triage.isNewSince(rows.get(0), null)).as("first visit").isFalse();
        assertThat(triage.cssClass(rows.get(0))).isEqualTo("need-contact-broken");
        assertThat(triage.cssClass(rows.get(2))).isEqualTo("calm");
    }

    private static List<Object> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("clientId")).toList();
    }
}
