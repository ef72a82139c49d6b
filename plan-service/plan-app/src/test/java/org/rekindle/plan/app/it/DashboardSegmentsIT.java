package org.rekindle.plan.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.MoodCheckedIn;
import org.rekindle.plan.events.PlanAssigned;
import org.rekindle.plan.events.PlanStep;
import org.rekindle.plan.events.PlanTopic;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The coach dashboard's processor runs two segments, each folding the clients that fall to it: a coach sees every
 * client complete whichever segment took them, and a rebuild ends with the same rows (and with two segments, when
 * the dashboard was stored with one before).
 */
class DashboardSegmentsIT extends PlanServiceIT {

    private static final int MOODS = 4;

    @Autowired
    EventProcessingConfiguration processing;

    private final String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void everyClientIsFoldedInFullWhicheverSegmentTakesThem() {
        TrackingEventProcessor dashboard = dashboardWithTwoSegmentsRunning();
        Http http = asCoach(coach);
        Map<Integer, List<String>> clientsBySegment = clientsOfEachSegment(3);
        Instant at = Instant.now().minus(2, ChronoUnit.DAYS);
        clientsBySegment.values().forEach(clients -> clients.forEach(client -> assignPlan(client, at)));
        for (int mood = 1; mood <= MOODS; mood++) {
            for (List<String> clients : clientsBySegment.values()) {
                for (String client : clients) {
                    Instant when = at.plus(mood, ChronoUnit.HOURS);
                    send(JournalTopic.NAME, UUID.randomUUID().toString(), MoodCheckedIn.TYPE, client,
                         new MoodCheckedIn(client, "m", mood, null, when), when);
                }
            }
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(moodsOfEachClient(http, coach))
                .hasSize(6).allSatisfy((client, moods) -> assertThat(moods).containsExactly("1", "2", "3", "4")));
        assertThat(dashboard.processingStatus().keySet()).containsExactlyInAnyOrder(0, 1);

        Map<String, List<String>> live = moodsOfEachClient(http, coach);
        Http admin = new Http(port).as(TestIssuer.get().admin("admin-practice"));
        assertThat(admin.post("/api/admin/projections/coach-dashboard/rebuild", "").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(moodsOfEachClient(http, coach))
                .isEqualTo(live));
        await().atMost(Duration.ofSeconds(30)).until(() -> dashboard.processingStatus().size() == 2);
    }

    @Test
    void aDashboardStoredWithOneSegmentHasTwoAfterItsNextRebuild() {
        TrackingEventProcessor dashboard = dashboardWithTwoSegmentsRunning();
        Http http = asCoach(coach);
        Map<Integer, List<String>> clientsBySegment = clientsOfEachSegment(1);
        Instant at = Instant.now().minus(1, ChronoUnit.DAYS);
        storedAsOneSegment(dashboard); // as a store from before the dashboard had two
        await().atMost(Duration.ofSeconds(30)).until(() -> dashboard.processingStatus().size() == 1);
        for (List<String> clients : clientsBySegment.values()) {
            String client = clients.get(0);
            assignPlan(client, at);
            send(JournalTopic.NAME, UUID.randomUUID().toString(), MoodCheckedIn.TYPE, client,
                 new MoodCheckedIn(client, "m", 3, null, at), at);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(moodsOfEachClient(http, coach))
                .hasSize(2).allSatisfy((client, moods) -> assertThat(moods).containsExactly("3")));
        Map<String, List<String>> live = moodsOfEachClient(http, coach);

        Http admin = new Http(port).as(TestIssuer.get().admin("admin-practice"));
        assertThat(admin.post("/api/admin/projections/coach-dashboard/rebuild", "").statusCode()).isEqualTo(202);

        assertThat(processing.tokenStore("coach-dashboard").fetchSegments("coach-dashboard")).containsExactly(0, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> dashboard.processingStatus().size() == 2);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(moodsOfEachClient(http, coach))
                .isEqualTo(live));
    }

    private TrackingEventProcessor dashboardWithTwoSegmentsRunning() {
        TrackingEventProcessor dashboard = processing.eventProcessor("coach-dashboard", TrackingEventProcessor.class)
                                                     .orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> dashboard.processingStatus().size() == 2);
        return dashboard;
    }

    private void assignPlan(String client, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        send(PlanTopic.NAME, UUID.randomUUID().toString(), PlanAssigned.TYPE, client, new PlanAssigned(
                "plan-" + client, client, coach, "p", 1, day, "UTC", false,
                List.of(new PlanStep("s", "phase", "READING", "Read", day.plusDays(3))), at), at);
    }

    /** Stops the processor and stores its two segments as one, where the one behind was (it reads again), starts it. */
    private void storedAsOneSegment(TrackingEventProcessor dashboard) {
        dashboard.shutDown();
        TokenStore tokens = processing.tokenStore("coach-dashboard");
        List<TrackingToken> held = new ArrayList<>();
        for (int segment : tokens.fetchSegments("coach-dashboard")) {
            held.add(WrappedToken.unwrapLowerBound(tokens.fetchToken("coach-dashboard", segment)));
            tokens.deleteToken("coach-dashboard", segment);
        }
        TrackingToken behind = held.contains(null) ? null : held.stream().reduce(TrackingToken::lowerBound).orElse(null);
        tokens.initializeTokenSegments("coach-dashboard", 1, behind);
        dashboard.start();
    }

    /** {@code count} new client ids for each of the two segments, as the dashboard's policy (by client) assigns them. */
    private static Map<Integer, List<String>> clientsOfEachSegment(int count) {
        List<Segment> segments = Segment.splitBalanced(Segment.ROOT_SEGMENT, 1);
        Map<Integer, List<String>> clients = new TreeMap<>();
        segments.forEach(segment -> clients.put(segment.getSegmentId(), new ArrayList<>()));
        while (clients.values().stream().anyMatch(ids -> ids.size() < count)) {
            String client = "segmented-" + UUID.randomUUID();
            Segment segment = segments.stream().filter(s -> s.matches(client)).findFirst().orElseThrow();
            if (clients.get(segment.getSegmentId()).size() < count) {
                clients.get(segment.getSegmentId()).add(client);
            }
        }
        return clients;
    }

    private static Map<String, List<String>> moodsOfEachClient(Http http, String coach) {
        Map<String, List<String>> moods = new TreeMap<>();
        for (JsonNode row : Json.parse(http.get("/api/dashboard/coaches/" + coach).body())) {
            List<String> trend = new ArrayList<>();
            row.get("moodTrend").forEach(value -> trend.add(value.asText()));
            moods.put(row.get("clientId").asText(), trend);
        }
        return moods;
    }
}
