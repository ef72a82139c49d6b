package org.rekindle.journal.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets RFC 9457 problem+json naming the field and the reason, never a 500, and changes nothing. */
class JournalBadInputIT extends EmbeddedStackTest {

    @Autowired
    JdbcTemplate eventStore;

    @ParameterizedTest(name = "{0} {1} -> {3} on {4}")
    @CsvSource(delimiter = '|', textBlock = """
            POST | /journal/mood-check-ins              | {"score":6}                                   | 400 | score
            POST | /journal/mood-check-ins              | {"score":0}                                   | 400 | score
            POST | /journal/mood-check-ins              | {"note":"no score"}                           | 400 | score
            POST | /journal/mood-check-ins              | {"score":"three"}                             | 400 | score
            POST | /journal/mood-check-ins              | {"score":{"$gt":""}}                          | 400 | score
            POST | /journal/mood-check-ins              | {"score":3,"sleepHours":25}                   | 400 | sleepHours
            POST | /journal/mood-check-ins              | {"score":3,"$where":"1"}                      | 400 | $where
            POST | /journal/mood-check-ins              | {"score":3,"occurredAt":"yesterday"}          | 400 | occurredAt
            POST | /journal/mood-check-ins              | {"score":3,"occurredAt":"2999-01-01T00:00:00Z"} | 400 | occurredAt
            POST | /journal/reflections                 | {"promptId":"","text":"x"}                    | 400 | promptId
            POST | /journal/reflections                 | {"promptId":"p1","text":"   "}                | 400 | text
            POST | /journal/reflections                 | {"promptId":"p1","text":["a"]}                | 400 | text
            POST | /journal/apologies                   | {}                                            | 400 | text
            POST | /contact-log/no-contact-periods      | {"targetDays":0}                              | 400 | targetDays
            POST | /contact-log/no-contact-periods      | {"targetDays":366}                            | 400 | targetDays
            POST | /contact-log/breaches                | {"channel":"PIGEON","initiatedBy":"CLIENT"}   | 400 | channel
            POST | /contact-log/breaches                | {"channel":"CALL"}                            | 400 | initiatedBy
            POST | /contact-log/urges                   | {"note":"no flag"}                            | 400 | resisted
            POST | /journal/apologies                   | {"text":12345}                                | 400 | text
            POST | /journal/reflections                 | {"promptId":7,"text":"x"}                     | 400 | promptId
            POST | /journal/mood-check-ins              | {"score":3,"note":true}                       | 400 | note
            POST | /contact-log/urges                   | {"resisted":true,"note":1.5}                  | 400 | note
            POST | /conversation/messages               | {"text":{"$gt":""}}                           | 400 | text
            POST | /conversation/messages               | {"text":"hi","$where":"1"}                    | 400 | $where
            POST | /conversation/read                   | {"upTo":"latest"}                             | 400 | upTo
            """)
    void invalidFieldsAreNamed(String method, String path, String body, int status, String field) {
        String client = newClientId();
        HttpResponse<String> response = http(client).post("/api/clients/" + client + path, body);

        assertProblem(response, status);
        JsonNode problem = Json.parse(response.body());
        assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
        assertThat(problem.get("errors").get(0).get("reason").asText()).isNotBlank();
        assertNothingStoredFor(client);
    }

    @Test
    void malformedJsonIsA400() {
        String client = newClientId();
        assertProblem(http(client).post("/api/clients/" + client + "/journal/mood-check-ins", "{\"score\": 3"), 400);
        assertProblem(http(client).post("/api/clients/" + client + "/journal/mood-check-ins", ""), 400);
        assertNothingStoredFor(client);
    }

    /** An id that is not an id is nobody's: authorization answers first (403), and nothing is looked up by it. */
    @Test
    void aClientIdThatIsNotAnIdIsRefused() {
        assertProblem(http("client-x").get("/api/clients/$where/streak"), 403);
        assertProblem(http("client-x").post("/api/clients/a%20b/journal/mood-check-ins", "{\"score\":3}"), 403);
    }

    /** Someone else's journal: 403 whatever the body, so a caller learns nothing from a 400 about it. */
    @Test
    void authorizationComesBeforeValidation() {
        String client = newClientId();
        Http stranger = http(newClientId());
        for (String body : new String[]{"{\"score\":99}", "{{{", "{\"score\":3,\"$where\":\"1\"}", "[]"}) {
            assertProblem(stranger.post("/api/clients/" + client + "/journal/mood-check-ins", body), 403);
        }
        assertProblem(stranger.post("/api/clients/" + client + "/journal/apologies/x/revisions", "{\"text\":12}"), 403);
        assertProblem(stranger.put("/api/clients/" + client + "/consent", "{\"coachSees\":[\"NOPE\"]}"), 403);
        assertNothingStoredFor(client);
    }

    /**
     * URLs Tomcat itself refuses (an encoded "../", a NUL, raw brackets) get problem+json too, not Tomcat's HTML
     * page. Sent over a raw socket: Java's HTTP client would not send such a URL at all.
     */
    @Test
    void malformedUrlsGetAProblemNotAnHtmlPage() throws Exception {
        URI base = URI.create(anonymous().base());
        for (String path : new String[]{"/api/clients/%2e%2e%2fx/streak", "/api/clients/a%00b/streak",
                "/api/clients/[x]/streak", "/api/%2e%2e/%2e%2e/etc/passwd", "/api/clients/a%2Fb/streak"}) {
            try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
                socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost()
                                                + "\r\nConnection: close\r\n\r\n").getBytes());
                String response = new String(socket.getInputStream().readAllBytes());
                assertThat(response).as(path).startsWith("HTTP/1.1 4");
                assertThat(response.toLowerCase()).as(path).contains("content-type: application/problem+json")
                                                  .doesNotContain("<html").doesNotContain("apache tomcat");
            }
        }
    }

    @Test
    void wrongMediaTypeIsA415() {
        String someone = newClientId();
        HttpResponse<String> response = http(someone).send(HttpRequest.newBuilder(
                        URI.create(anonymous().base() + "/api/clients/" + someone + "/journal/mood-check-ins"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("score=3")));
        assertProblem(response, 415);
    }

    @Test
    void unknownThingsAre404() {
        String client = newClientId();
        Http http = http(client);
        assertProblem(http.get("/api/clients/" + client + "/streak"), 404);
        assertProblem(http.get("/api/clients/" + client + "/journal/entries"), 404);
        assertProblem(http.get("/api/clients/" + client + "/contact-log"), 404);
        assertProblem(http.put("/api/clients/" + client + "/journal/entries/nope/share"), 404);
        assertProblem(http.post("/api/clients/" + client + "/journal/apologies/nope/revisions", "{\"text\":\"x\"}"),
                      404);
        assertProblem(http.get("/api/nothing-here"), 404);
        assertNothingStoredFor(client);
    }

    @Test
    void conflictingCommandsAre409AndChangeNothing() {
        String client = newClientId();
        Http http = http(client);
        assertThat(http.post("/api/clients/" + client + "/contact-log/no-contact-periods", "{}").statusCode())
                .isEqualTo(201);
        long eventsBefore = storedEventsOf(client);

        assertProblem(http.post("/api/clients/" + client + "/contact-log/no-contact-periods", "{}"), 409);
        assertProblem(http.post("/api/clients/" + client + "/contact-log/breaches",
                                "{\"channel\":\"CALL\",\"initiatedBy\":\"EX\",\"occurredAt\":\""
                                + Instant.now().minus(400, ChronoUnit.DAYS) + "\"}"), 409);

        String other = newClientId();
        assertProblem(http(other).post("/api/clients/" + other + "/contact-log/breaches",
                                "{\"channel\":\"CALL\",\"initiatedBy\":\"EX\"}"), 409);
        assertThat(storedEventsOf(client)).isEqualTo(eventsBefore);
        assertNothingStoredFor(other);
    }

    @Test
    void bodiesOver64KiBAreRefusedWith413() {
        String client = newClientId();
        String big = "{\"promptId\":\"p\",\"text\":\"" + "x".repeat(70 * 1024) + "\"}";
        assertProblem(http(client).post("/api/clients/" + client + "/journal/reflections", big), 413);

        // chunked: no Content-Length, the limit applies while reading
        HttpResponse<String> chunked = http(client).send(HttpRequest.newBuilder(
                        URI.create(anonymous().base() + "/api/clients/" + client + "/journal/reflections"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes()))));
        assertProblem(chunked, 413);
        assertNothingStoredFor(client);
    }

    @Test
    void noEndpointAnswers500ToGarbage() {
        String client = newClientId();
        Http http = http(client);
        Stream.of("/journal/reflections", "/journal/apologies", "/journal/apology-feedback", "/journal/mood-check-ins",
                  "/contact-log/no-contact-periods", "/contact-log/breaches", "/contact-log/urges",
                  "/journal/apologies/x/revisions", "/contact-log/no-contact-periods/x/end", "/sessions",
                  "/sessions/x/cancel", "/sessions/x/reschedule")
              .forEach(path -> Stream.of("null", "[]", "42", "\"text\"", "{\"a\":{\"$ne\":null}}", "{{{", "\u0000")
                                     .forEach(body -> assertThat(http.post("/api/clients/" + client + path, body)
                                                                     .statusCode())
                                             .as(path + " with " + body).isBetween(400, 499)));
        assertNothingStoredFor(client);
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Json.parse(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
    }

    private long storedEventsOf(String client) {
        return eventStore.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                                         Long.class, client);
    }

    private void assertNothingStoredFor(String client) {
        assertThat(storedEventsOf(client)).as("events stored for " + client).isZero();
    }
}
