package org.rekindle.journal.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.app.command.TextCipher;
import org.rekindle.platform.embedded.SharedTestInfrastructure;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.TestIssuer;
import org.rekindle.platform.testing.TopicRecorder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sessions over HTTP: a coach offers weekly slots in their zone with days off, a client books one of the free slots,
 * either side moves or cancels it with a reason, the coach records the outcome once it started; two clients booking
 * the same last slot at once get one 201 and one 409; the integration events reach Kafka without reasons or notes;
 * bad input is a 400 naming the field; erasing the client shreds the reasons and the notes.
 */
class SessionsIT extends RecordingJournalTopicTest {

    private static final String EVERY_DAY_9_AND_10 = "{\"zone\":\"Europe/Berlin\",\"minutes\":50,\"slots\":["
            + String.join(",", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
                                   .stream().map(d -> "{\"day\":\"" + d + "\",\"start\":\"09:00\"},{\"day\":\"" + d
                                                      + "\",\"start\":\"10:00\"}").toList()) + "]}";

    private final TestIssuer issuer = TestIssuer.get();

    @Autowired
    JdbcTemplate eventStore;

    @Autowired
    TextCipher cipher;

    @Test
    void aClientBooksAFreeSlotEitherSideMovesOrCancelsItAndTheEventsReachKafka() {
        String client = newClientId();
        String coach = newCoachId();
        Http theCoach = coach(coach);
        Http own = clientOf(client, coach);
        String calendar = "/api/coaches/" + coach + "/calendar";
        String sessions = "/api/clients/" + client + "/sessions";

        HttpResponse<String> set = theCoach.put(calendar + "/availability", EVERY_DAY_9_AND_10);
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(Json.parse(set.body()).get("zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(Json.parse(set.body()).get("slots")).hasSize(14);

        JsonNode free = Json.parse(own.get(sessions + "/free-slots?weeks=1").body());
        assertThat(free.get("coachId").asText()).isEqualTo(coach);
        assertThat(free.get("slots").findValuesAsText("localTime")).isNotEmpty().allMatch(
                t -> t.equals("09:00:00") || t.equals("09:00") || t.equals("10:00:00") || t.equals("10:00"));
        String dayOff = free.at("/slots/0/localDate").asText();
        HttpResponse<String> off = theCoach.post(calendar + "/exceptions", "{\"date\":\"" + dayOff + "\"}");
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(Json.parse(off.body()).get("exceptions").get(0).asText()).isEqualTo(dayOff);
        free = Json.parse(own.get(sessions + "/free-slots?weeks=1").body());
        assertThat(free.get("slots").findValuesAsText("localDate")).doesNotContain(dayOff);
        String first = free.at("/slots/0/start").asText();
        String second = free.at("/slots/1/start").asText();

        HttpResponse<String> booked = own.post(sessions, "{\"start\":\"" + first + "\"}");
        assertThat(booked.statusCode()).isEqualTo(201);
        JsonNode session = Json.parse(booked.body());
        String sessionId = session.get("sessionId").asText();
        assertThat(session.get("status").asText()).isEqualTo("BOOKED");
        assertThat(session.get("coachId").asText()).isEqualTo(coach);
        assertThat(Instant.parse(session.get("end").asText()))
                .isEqualTo(Instant.parse(first).plus(50, ChronoUnit.MINUTES));
        assertThat(Json.parse(own.get(sessions + "/free-slots?weeks=1").body()).get("slots")
                       .findValuesAsText("start")).doesNotContain(first).contains(second);
        assertThat(Json.parse(theCoach.get(calendar).body()).get("upcoming").findValuesAsText("sessionId"))
                .containsExactly(sessionId);
        assertThat(Json.parse(own.get(sessions).body()).get("upcoming").findValuesAsText("clientId"))
                .containsExactly(client);

        HttpResponse<String> moved = theCoach.post(sessions + "/" + sessionId + "/reschedule",
                                                   "{\"start\":\"" + second + "\",\"reason\":\"a clash\"}");
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(Json.parse(moved.body()).get("start").asText()).isEqualTo(second);
        assertThat(Json.parse(moved.body()).get("sequence").asInt()).isEqualTo(1);
        assertThat(Json.parse(own.get(sessions + "/" + sessionId).body()).at("/changes/0/reason").asText())
                .as("the client reads the coach's reason").isEqualTo("a clash");

        HttpResponse<String> cancelled = own.post(sessions + "/" + sessionId + "/cancel", "{\"reason\":\"ill\"}");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(Json.parse(cancelled.body()).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(Json.parse(cancelled.body()).get("sequence").asInt()).isEqualTo(2);
        assertThat(own.post(sessions + "/" + sessionId + "/cancel", "{\"reason\":\"again\"}").statusCode())
                .isEqualTo(409);
        JsonNode after = Json.parse(theCoach.get(calendar).body());
        assertThat(after.get("upcoming")).isEmpty();
        assertThat(after.get("past").findValuesAsText("sessionId")).containsExactly(sessionId);
        assertThat(Json.parse(own.get(sessions + "/free-slots?weeks=1").body()).get("slots")
                       .findValuesAsText("start")).contains(first, second);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> published = topic.distinctEventsWithKey(client).stream()
                    .filter(e -> e.get("type").asText().startsWith("rekindle.journal.Session")).toList();
            assertThat(published).extracting(e -> e.get("type").asText()).containsExactly(
                    "rekindle.journal.SessionBooked.v1", "rekindle.journal.SessionRescheduled.v1",
                    "rekindle.journal.SessionCancelled.v1");
            assertThat(published).allSatisfy(e -> {
                assertThat(e.at("/data/coachId").asText()).isEqualTo(coach);
                assertThat(e.at("/data/sessionId").asText()).isEqualTo(sessionId);
                assertThat(e.at("/data/zone").asText()).isEqualTo("Europe/Berlin");
            });
            assertThat(published.get(1).at("/data/by").asText()).isEqualTo("COACH");
            assertThat(published.get(1).at("/data/previousStart").asText()).isEqualTo(first);
            assertThat(published.get(2).at("/data/by").asText()).isEqualTo("CLIENT");
            assertThat(published.get(2).at("/data/sequence").asInt()).isEqualTo(2);
            assertThat(published.toString()).as("reasons stay in the service").doesNotContain("clash")
                                            .doesNotContain("\"ill\"");
        });
    }

    @Test
    void theOtherSidesOpenPageHearsOfABookingAndACancellation() throws Exception {
        String client = newClientId();
        String coach = newCoachId();
        Http theCoach = coach(coach);
        Http own = clientOf(client, coach);
        theCoach.put("/api/coaches/" + coach + "/calendar/availability", EVERY_DAY_9_AND_10);
        String free = Json.parse(own.get("/api/clients/" + client + "/sessions/free-slots").body())
                          .at("/slots/0/start").asText();
        java.util.concurrent.BlockingQueue<String> coachHeard = listen("/api/coaches/" + coach + "/calendar/stream",
                                                                       issuer.coach(coach));
        java.util.concurrent.BlockingQueue<String> clientHeard = listen("/api/clients/" + client + "/sessions/stream",
                                                                        issuer.client(client, null));
        String sessionId = Json.parse(own.post("/api/clients/" + client + "/sessions", "{\"start\":\"" + free
                                               + "\"}").body()).get("sessionId").asText();
        assertThat(coachHeard.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("event:session");
        assertThat(theCoach.post("/api/clients/" + client + "/sessions/" + sessionId + "/cancel",
                                 "{\"reason\":\"double booked\"}").statusCode()).isEqualTo(200);
        assertThat(clientHeard.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("event:session");
        assertThat(clientHeard.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("event:session");
    }

    /** The event lines of a live stream, read on a daemon thread until the test's JVM ends. */
    private java.util.concurrent.BlockingQueue<String> listen(String path, String token) throws Exception {
        java.util.concurrent.BlockingQueue<String> heard = new java.util.concurrent.LinkedBlockingQueue<>();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(anonymous().base() + path))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        HttpResponse<java.util.stream.Stream<String>> stream = java.net.http.HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> stream.body().filter(line -> line.startsWith("event:")).forEach(heard::add));
        reader.setDaemon(true);
        reader.start();
        return heard;
    }

    @Test
    void aClientErasingTheirJournalCancelsTheirUpcomingSessionsAndFreesTheSlots() {
        String client = newClientId();
        String coach = newCoachId();
        Http theCoach = coach(coach);
        Http own = clientOf(client, coach);
        String calendar = "/api/coaches/" + coach + "/calendar";
        String sessions = "/api/clients/" + client + "/sessions";
        assertThat(theCoach.put(calendar + "/availability", EVERY_DAY_9_AND_10).statusCode()).isEqualTo(200);
        assertThat(own.post("/api/clients/" + client + "/journal/mood-check-ins", "{\"score\":3}").statusCode())
                .isEqualTo(201);
        String slot = Json.parse(own.get(sessions + "/free-slots?weeks=1").body()).at("/slots/0/start").asText();
        String sessionId = Json.parse(own.post(sessions, "{\"start\":\"" + slot + "\"}").body())
                .get("sessionId").asText();

        assertThat(own.delete("/api/clients/" + client + "/journal").statusCode()).isEqualTo(204);

        JsonNode coachSees = Json.parse(theCoach.get(calendar).body());
        assertThat(coachSees.get("upcoming")).as("the slot is the coach's again").isEmpty();
        JsonNode cancelled = coachSees.get("past").get(0);
        assertThat(cancelled.get("sessionId").asText()).isEqualTo(sessionId);
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.at("/changes/0/by").asText()).isEqualTo("CLIENT");
        assertThat(cancelled.at("/changes/0/reason").asText()).as("shredded with the journal")
                .doesNotContain("erased their journal");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(topic.distinctEventsWithKey(client))
                .extracting(e -> e.get("type").asText()).contains("rekindle.journal.SessionCancelled.v1",
                                                                  "rekindle.journal.JournalErased.v1"));
    }

    @Test
    void twoClientsBookingTheLastFreeSlotAtOnceGetOne201AndOne409() throws Exception {
        String coach = newCoachId();
        Http theCoach = coach(coach);
        String slotDay = ZonedDateTime.now(ZoneOffset.UTC).plusDays(2).getDayOfWeek().name();
        assertThat(theCoach.put("/api/coaches/" + coach + "/calendar/availability",
                                "{\"zone\":\"UTC\",\"minutes\":60,\"slots\":[{\"day\":\"" + slotDay
                                + "\",\"start\":\"11:00\"}]}").statusCode()).isEqualTo(200);
        String alex = newClientId();
        String sam = newClientId();
        Http alexHttp = clientOf(alex, coach);
        Http samHttp = clientOf(sam, coach);
        List<String> offered = Json.parse(alexHttp.get("/api/clients/" + alex + "/sessions/free-slots?weeks=1")
                                              .body()).get("slots").findValuesAsText("start");
        assertThat(offered).as("the one slot of the week").hasSize(1);
        String last = offered.get(0);

        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (String[] who : new String[][]{{alex, "a"}, {sam, "s"}}) {
                Http caller = who[0].equals(alex) ? alexHttp : samHttp;
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return caller.post("/api/clients/" + who[0] + "/sessions", "{\"start\":\"" + last + "\"}");
                }));
            }
            ready.await();
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    assertThat(response.headers().firstValue("Content-Type").orElse(""))
                            .startsWith("application/problem+json");
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
        JsonNode calendar = Json.parse(theCoach.get("/api/coaches/" + coach + "/calendar").body());
        assertThat(calendar.get("upcoming")).hasSize(1);
        assertThat(calendar.at("/upcoming/0/start").asText()).isEqualTo(last);
        int booked = Json.parse(alexHttp.get("/api/clients/" + alex + "/sessions").body()).get("upcoming").size()
                     + Json.parse(samHttp.get("/api/clients/" + sam + "/sessions").body()).get("upcoming").size();
        assertThat(booked).as("one of the two holds the slot").isEqualTo(1);
        assertThat(Json.parse(samHttp.get("/api/clients/" + sam + "/sessions/free-slots?weeks=1").body())
                       .get("slots")).as("the slot is gone for everyone").isEmpty();
    }

    @Test
    void badInputIsA400NamingTheFieldAndNotYoursIs403() {
        String client = newClientId();
        String coach = newCoachId();
        Http theCoach = coach(coach);
        Http own = clientOf(client, coach);
        String calendar = "/api/coaches/" + coach + "/calendar";
        String sessions = "/api/clients/" + client + "/sessions";
        assertThat(own.post(sessions, "{\"start\":\"2030-01-07T08:00:00Z\"}").statusCode())
                .as("no availability yet").isEqualTo(400);
        assertField(theCoach.post(calendar + "/exceptions", "{\"date\":\"2030-01-01\"}"), "date");

        assertField(theCoach.put(calendar + "/availability", EVERY_DAY_9_AND_10.replace("Europe/Berlin", "Mars/Base")),
                    "zone");
        assertField(theCoach.put(calendar + "/availability", EVERY_DAY_9_AND_10.replace("50", "5")), "minutes");
        assertField(theCoach.put(calendar + "/availability", EVERY_DAY_9_AND_10.replace("50", "90")), "slots");
        assertField(theCoach.put(calendar + "/availability", EVERY_DAY_9_AND_10.replace("MONDAY", "FUNDAY")),
                    "slots[0].day");
        assertField(theCoach.put(calendar + "/availability", "{\"zone\":\"UTC\",\"minutes\":30}"), "slots");
        assertThat(Json.parse(theCoach.get(calendar).body()).path("zone").isTextual()).as("nothing changed").isFalse();
        assertField(theCoach.post(calendar + "/exceptions", "{\"date\":\"tomorrow\"}"), "date");

        theCoach.put(calendar + "/availability", EVERY_DAY_9_AND_10);
        String free = Json.parse(own.get(sessions + "/free-slots?weeks=1").body()).at("/slots/0/start").asText();
        assertField(own.post(sessions, "{}"), "start");
        assertField(own.post(sessions, "{\"start\":\"soon\"}"), "start");
        assertField(own.post(sessions, "{\"start\":\"" + Instant.parse(free).plusSeconds(1800) + "\"}"), "start");
        assertField(own.post(sessions, "{\"start\":\"2020-01-06T08:00:00Z\"}"), "start");
        assertField(own.get(sessions + "/free-slots?weeks=13"), "weeks");
        String sessionId = Json.parse(own.post(sessions, "{\"start\":\"" + free + "\"}").body())
                               .get("sessionId").asText();
        assertField(own.post(sessions + "/" + sessionId + "/cancel", "{\"reason\":\" \"}"), "reason");
        assertField(own.post(sessions + "/" + sessionId + "/reschedule", "{\"reason\":\"x\"}"), "start");
        assertField(theCoach.put(sessions + "/" + sessionId + "/outcome", "{\"outcome\":\"MAYBE\"}"), "outcome");
        assertThat(theCoach.put(sessions + "/" + sessionId + "/outcome", "{\"outcome\":\"ATTENDED\"}").statusCode())
                .as("not started yet").isEqualTo(409);
        assertThat(own.get(sessions + "/no-such-session").statusCode()).isEqualTo(404);
        assertThat(own.post(sessions + "/no-such-session/cancel", "{\"reason\":\"x\"}").statusCode()).isEqualTo(404);

        Http otherCoach = coach(newCoachId());
        Http admin = anonymous().as(issuer.admin("admin-practice"));
        assertThat(otherCoach.post(sessions + "/" + sessionId + "/cancel", "{\"reason\":\"mine now\"}").statusCode())
                .isEqualTo(403);
        assertThat(otherCoach.get(sessions + "/" + sessionId).statusCode()).isEqualTo(403);
        assertThat(own.put(sessions + "/" + sessionId + "/outcome", "{\"outcome\":\"ATTENDED\"}").statusCode())
                .as("the client does not record the outcome").isEqualTo(403);
        for (String path : List.of(calendar, sessions, sessions + "/" + sessionId)) {
            assertThat(admin.get(path).statusCode()).as("the practice admin reads nothing: " + path).isEqualTo(403);
        }
        assertThat(Json.parse(own.get(sessions + "/" + sessionId).body()).get("status").asText())
                .as("refused writes changed nothing").isEqualTo("BOOKED");
    }

    /**
     * The outcome waits for the session to start, so this books a 15-minute slot starting within two minutes and
     * waits for it (the service runs on the real clock).
     */
    @Test
    void theCoachRecordsTheOutcomeTheClientSeesItNotTheNotesAndErasureShredsThem() throws Exception {
        String client = newClientId();
        String coach = newCoachId();
        String marker = "notes-" + UUID.randomUUID();
        Http theCoach = coach(coach);
        Http own = clientOf(client, coach);
        own.post("/api/clients/" + client + "/journal/mood-check-ins", "{\"score\":3}");
        String sessions = "/api/clients/" + client + "/sessions";
        ZonedDateTime start = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(2);
        assertThat(theCoach.put("/api/coaches/" + coach + "/calendar/availability",
                                "{\"zone\":\"UTC\",\"minutes\":15,\"slots\":[{\"day\":\"" + start.getDayOfWeek()
                                + "\",\"start\":\"" + start.toLocalTime() + "\"}]}").statusCode()).isEqualTo(200);
        HttpResponse<String> booked = own.post(sessions, "{\"start\":\"" + start.toInstant() + "\"}");
        assertThat(booked.statusCode()).isEqualTo(201);
        String sessionId = Json.parse(booked.body()).get("sessionId").asText();
        String outcome = sessions + "/" + sessionId + "/outcome";
        String body = "{\"outcome\":\"ATTENDED\",\"notes\":\"" + marker + "\"}";

        await().atMost(Duration.ofSeconds(200)).pollInterval(Duration.ofSeconds(2))
               .until(() -> theCoach.put(outcome, body).statusCode() == 200);
        assertThat(theCoach.put(outcome, body).statusCode()).as("once").isEqualTo(409);
        JsonNode coachSees = Json.parse(theCoach.get(sessions + "/" + sessionId).body());
        assertThat(coachSees.get("outcome").asText()).isEqualTo("ATTENDED");
        assertThat(coachSees.get("notes").asText()).isEqualTo(marker);
        JsonNode clientSees = Json.parse(own.get(sessions + "/" + sessionId).body());
        assertThat(clientSees.get("outcome").asText()).isEqualTo("ATTENDED");
        assertThat(clientSees.has("notes")).as("the coach's notes are theirs").isFalse();
        assertThat(own.get(sessions).body()).doesNotContain(marker);
        assertThat(mongoSessionHolds(sessionId, marker)).as("sealed at rest").isFalse();
        String sealed = sealedNotesOf(coach);
        assertThat(sealed).doesNotContain(marker);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> outcomes = topic.distinctEventsWithKey(client).stream()
                    .filter(e -> e.get("type").asText().equals("rekindle.journal.SessionOutcomeRecorded.v1"))
                    .toList();
            assertThat(outcomes).hasSize(1);
            assertThat(outcomes.get(0).at("/data/outcome").asText()).isEqualTo("ATTENDED");
            assertThat(outcomes.toString()).doesNotContain(marker);
        });

        assertThat(own.delete("/api/clients/" + client + "/journal").statusCode()).isEqualTo(204);
        assertThat(cipher.open(client, sealed)).isEqualTo(TextCipher.ERASED);
        assertThat(Json.parse(theCoach.get(sessions + "/" + sessionId).body()).get("notes").asText())
                .as("the coach's notes about an erased client are shredded").isEqualTo(TextCipher.ERASED);
    }

    private static void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Json.parse(response.body()).get("errors").findValuesAsText("field")).as(response.body())
                                                                                     .contains(field);
    }

    private String sealedNotesOf(String coach) {
        return eventStore.queryForList("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND "
                                       + "payload_type LIKE '%SessionOutcomeRecorded'", byte[].class, coach)
                         .stream().map(p -> Json.parse(new String(p, StandardCharsets.UTF_8)).get("notes").asText())
                         .findFirst().orElseThrow();
    }

    private static boolean mongoSessionHolds(String sessionId, String text) {
        try (MongoClient mongo = MongoClients.create(SharedTestInfrastructure.mongo().connectionString())) {
            Document session = mongo.getDatabase("journal-it").getCollection("journal_sessions")
                                    .find(Filters.eq("_id", sessionId)).first();
            assertThat(session).isNotNull();
            return session.toJson().contains(text);
        }
    }

    private Http coach(String coach) {
        return anonymous().as(issuer.coach(coach));
    }

    /** The client, once journal-service knows their coach (from plan-service's assignment on Kafka). */
    private Http clientOf(String client, String coach) {
        JournalAccessIT.assign(client, coach);
        Http own = http(client);
        await().atMost(Duration.ofSeconds(30))
               .until(() -> own.get("/api/clients/" + client + "/sessions/free-slots").statusCode() == 200);
        return own;
    }

    private static String newCoachId() {
        return "coach-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
