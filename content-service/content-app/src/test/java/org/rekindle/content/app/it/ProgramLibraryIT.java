package org.rekindle.content.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.rekindle.content.app.ContentApplication;
import org.rekindle.content.app.query.ContentReadModel;
import org.rekindle.content.events.ContentTopic;
import org.rekindle.platform.embedded.EmbeddedPostgresServer;
import org.rekindle.platform.embedded.SharedTestInfrastructure;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.PublishedContract;
import org.rekindle.platform.testing.TestIssuer;
import org.rekindle.platform.testing.AccessMatrix;
import org.rekindle.platform.testing.AccessMatrix.Caller;
import org.rekindle.platform.testing.AccessMatrix.Row;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.rekindle.platform.testing.AccessMatrix.row;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.TopicRecorder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** content-service on the embedded stack: default programs, authoring and versions, search, Kafka, bad input. */
@SpringBootTest(classes = ContentApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "spring.config.name=" + ContentApplication.CONFIG_NAME)
class ProgramLibraryIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> SharedTestInfrastructure.mongo().connectionString());
        registry.add("spring.kafka.bootstrap-servers", () -> SharedTestInfrastructure.kafka().bootstrapServers());
        registry.add("rekindle.mongo.database", () -> "content-it");
        registry.add("spring.datasource.url", () -> SharedTestInfrastructure.postgres().createDatabase("content-it"));
        registry.add("spring.datasource.username", () -> EmbeddedPostgresServer.USER);
        registry.add("rekindle.security.issuer-uri", () -> TestIssuer.get().url());
    }

    @Test
    void whatThePublisherWritesMatchesTheAsyncApiDocumentItServes() {
        JsonNode document = PublishedContract.served(new Http(port), "content-service");
        String bootstrap = SharedTestInfrastructure.kafka().bootstrapServers();
        await().atMost(Duration.ofSeconds(30)).until(
                () -> PublishedContract.assertPublishedRecordsMatch(document, bootstrap) >= 2);
    }

    @Test
    void theDefaultProgramsArePublishedWithAllNineStages() {
        Http http = new Http(port).as(TestIssuer.get().coach("coach-author"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode version = Json.parse(http.get("/api/programs/reconciliation-default/versions/1").body());
            assertThat(version.get("phases")).hasSize(9);
            assertThat(version.get("phases").findValues("stepId").size()).isGreaterThanOrEqualTo(25);
            List<String> prompts = version.get("phases").findValuesAsText("promptId");
            assertThat(prompts).contains("understand-why", "own-your-part", "work-on-yourself", "is-it-fixable",
                                         "reopen-contact");
            List<String> apologyGuidance = new java.util.ArrayList<>();
            version.get("phases").forEach(phase -> phase.get("steps").forEach(step -> {
                if ("APOLOGY_DRAFT".equals(step.get("kind").asText())) {
                    apologyGuidance.add(step.get("guidance").asText());
                }
            }));
            assertThat(apologyGuidance).as("the apology step says what completes it").singleElement()
                                       .asString().contains("Saving your first draft completes this step");
            JsonNode movingOn = Json.parse(http.get("/api/programs/moving-on-default/versions/1").body());
            assertThat(movingOn.get("title").asText()).isNotBlank();
        });
        JsonNode published = Json.parse(http.get("/api/programs?status=PUBLISHED").body());
        assertThat(published.findValuesAsText("programId")).contains("reconciliation-default", "moving-on-default");
    }

    @Test
    void authoringPublishesImmutableVersionsToKafkaAndSearch() throws Exception {
        Http http = new Http(port).as(TestIssuer.get().coach("coach-author"));
        String id = "test-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicRecorder topic = new TopicRecorder(SharedTestInfrastructure.kafka().bootstrapServers(),
                                                     ContentTopic.NAME)) {
            assertThat(http.post("/api/programs", "{\"programId\":\"" + id + "\",\"title\":\"Quiet harbour\","
                                 + "\"summary\":\"A gentle program about patience\"}").statusCode()).isEqualTo(201);
            assertThat(http.post("/api/programs/" + id + "/phases", "{\"phaseId\":\"rest\",\"title\":\"Rest\"}")
                           .statusCode()).isEqualTo(201);
            assertThat(http.post("/api/programs/" + id + "/phases/rest/steps", step("breathe", "READING",
                    "Lighthouse breathing", "Breathe slowly while you picture a lighthouse.")).statusCode())
                    .isEqualTo(201);
            JsonNode v1 = Json.parse(http.post("/api/programs/" + id + "/versions", "").body());
            assertThat(v1.get("version").asInt()).isEqualTo(1);

            assertThat(http.put("/api/programs/" + id + "/steps/breathe", step("breathe", "READING",
                    "Harbour breathing", "Breathe slowly.")).statusCode()).isEqualTo(204);
            assertThat(Json.parse(http.post("/api/programs/" + id + "/versions", "").body()).get("version").asInt())
                    .isEqualTo(2);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode first = Json.parse(http.get("/api/programs/" + id + "/versions/1").body());
                assertThat(first.at("/phases/0/steps/0/title").asText()).isEqualTo("Lighthouse breathing");
                JsonNode second = Json.parse(http.get("/api/programs/" + id + "/versions/2").body());
                assertThat(second.at("/phases/0/steps/0/title").asText()).isEqualTo("Harbour breathing");
                JsonNode hits = Json.parse(http.get("/api/programs/search?q=HARBOUR").body());
                assertThat(hits.get(0).get("programId").asText()).isEqualTo(id);
                assertThat(hits.get(0).get("version").asInt()).isEqualTo(2);
                assertThat(Json.parse(http.get("/api/programs/search?q=lighthouse").body())
                                   .findValuesAsText("programId")).doesNotContain(id);
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.recordsWithKey(id).size() >= 2);
            JsonNode published = Json.parse(topic.recordsWithKey(id).get(1).value());
            assertThat(published.get("type").asText()).isEqualTo("rekindle.content.ProgramVersionPublished.v1");
            assertThat(published.at("/data/version").asInt()).isEqualTo(2);
            assertThat(published.at("/data/phases/0/steps/0/kind").asText()).isEqualTo("READING");

            assertThat(http.post("/api/programs/" + id + "/retire", "").statusCode()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                    Json.parse(http.get("/api/programs/search?q=harbour").body()).findValuesAsText("programId"))
                    .doesNotContain(id));
            assertThat(http.post("/api/programs/" + id + "/phases", "{\"phaseId\":\"more\",\"title\":\"More\"}")
                           .statusCode()).isEqualTo(409);
        }
    }

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aStepMovesWithinItsPhaseAndEveryWriteAnswersOnceTheReadModelShowsIt() throws Exception {
        Http http = new Http(port).as(TestIssuer.get().coach("coach-author"));
        String id = "order-" + UUID.randomUUID().toString().substring(0, 8);
        http.post("/api/programs", "{\"programId\":\"" + id + "\",\"title\":\"Order\",\"summary\":\"s\"}");
        http.post("/api/programs/" + id + "/phases", "{\"phaseId\":\"p\",\"title\":\"P\"}");
        for (String step : List.of("a", "b", "c")) {
            assertThat(http.post("/api/programs/" + id + "/phases/p/steps", step(step, "READING", "t", "g"))
                           .statusCode()).isEqualTo(201);
        }
        EventProcessor readModel = processing.eventProcessor(ContentReadModel.PROCESSING_GROUP).orElseThrow();
        CompletableFuture<HttpResponse<String>> move;
        readModel.shutDown();
        try {
            move = CompletableFuture.supplyAsync(
                    () -> http.put("/api/programs/" + id + "/steps/c/position", "{\"position\":1}"));
            Thread.sleep(1_000);
            assertThat(move).as("no answer while the read model has not applied the move").isNotDone();
        } finally {
            readModel.start();
        }
        assertThat(move.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
        assertThat(stepIds(http, id)).as("read right after the answer").containsExactly("c", "a", "b");
        assertThat(http.put("/api/programs/" + id + "/steps/c/position", "{\"position\":3}").statusCode())
                .isEqualTo(204);
        assertThat(stepIds(http, id)).containsExactly("a", "b", "c");

        int version = Json.parse(http.post("/api/programs/" + id + "/versions", "").body()).get("version").asInt();
        JsonNode program = Json.parse(http.get("/api/programs/" + id).body());
        assertThat(program.get("latestVersion").asInt()).as("a publish's answer means it can be read").isEqualTo(version);
        assertThat(program.get("unpublishedChanges").asBoolean()).isFalse();

        assertProblem(http.put("/api/programs/" + id + "/steps/a/position", "{\"position\":4}"), 400, "position");
        assertProblem(http.put("/api/programs/" + id + "/steps/a/position", "{\"position\":0}"), 400, "position");
        assertProblem(http.put("/api/programs/" + id + "/steps/a/position", "{}"), 400, "position");
        assertProblem(http.put("/api/programs/" + id + "/steps/a/position", "{\"position\":\"first\"}"), 400,
                      "position");
        assertThat(http.put("/api/programs/" + id + "/steps/nope/position", "{\"position\":1}").statusCode())
                .isEqualTo(404);
    }

    private static List<String> stepIds(Http http, String programId) {
        return Json.parse(http.get("/api/programs/" + programId).body()).at("/draft/0/steps").findValuesAsText("stepId");
    }

    @Test
    void searchRanksTitlesAboveText() {
        Http http = new Http(port).as(TestIssuer.get().coach("coach-author"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode hits = Json.parse(http.get("/api/programs/search?q=apology").body());
            assertThat(hits.size()).isGreaterThan(0);
            assertThat(hits.get(0).get("title").asText().toLowerCase()).contains("apolog");
            List<Double> scores = new ArrayList<>();
            hits.forEach(hit -> scores.add(hit.get("score").asDouble()));
            assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        });
        assertThat(Json.parse(http.get("/api/programs/search?q=%20%20").body())).isEmpty();
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        Http http = new Http(port).as(TestIssuer.get().coach("coach-author"));
        assertProblem(http.post("/api/programs", "{\"programId\":\"Bad Id\",\"title\":\"t\",\"summary\":\"s\"}"),
                      400, "programId");
        assertProblem(http.post("/api/programs", "{\"title\":\"\",\"summary\":\"s\"}"), 400, "title");
        assertProblem(http.post("/api/programs/reconciliation-default/phases/understand/steps",
                                step("x", "MAGIC", "t", "g")), 400, "kind");
        assertProblem(http.post("/api/programs/reconciliation-default/phases/understand/steps",
                                step("x", "REFLECTION_PROMPT", "t", "g")), 400, "promptId");
        assertThat(http.get("/api/programs/nope").statusCode()).isEqualTo(404);
        assertThat(http.put("/api/programs/nope", "{\"title\":\"t\",\"summary\":\"s\"}").statusCode()).isEqualTo(404);
        assertThat(http.post("/api/programs/nope/versions", "").statusCode()).isEqualTo(404);
        assertThat(http.post("/api/programs", "{\"programId\":\"reconciliation-default\",\"title\":\"t\","
                             + "\"summary\":\"s\"}").statusCode()).isEqualTo(409);
        assertThat(http.get("/api/programs/reconciliation-default/versions/99").statusCode()).isEqualTo(404);
        assertThat(http.post("/api/programs/reconciliation-default/versions", "").statusCode()).isEqualTo(409);
        assertThat(http.get("/api/programs/search?q=" + "x".repeat(201)).statusCode()).isEqualTo(400);
    }

    @Test
    void coachesAndAdminsAuthorEveryoneSignedInReads() {
        Http client = new Http(port).as(TestIssuer.get().client("client-reader", "coach-author"));
        assertThat(client.get("/api/programs/reconciliation-default").statusCode()).isEqualTo(200);
        assertThat(client.get("/api/programs/search?q=apology").statusCode()).isEqualTo(200);
        assertThat(client.post("/api/programs", "{\"programId\":\"by-a-client\",\"title\":\"t\",\"summary\":\"s\"}")
                         .statusCode()).isEqualTo(403);
        assertThat(client.post("/api/programs/reconciliation-default/retire", "").statusCode()).isEqualTo(403);
        Http admin = new Http(port).as(TestIssuer.get().admin("admin-practice"));
        assertThat(admin.post("/api/programs", "{\"programId\":\"by-the-admin\",\"title\":\"t\",\"summary\":\"s\"}")
                        .statusCode()).isEqualTo(201);
        assertThat(new Http(port).get("/api/programs").statusCode()).isEqualTo(401);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyEndpointAnswersOnlyTheCallersItShould() {
        TestIssuer issuer = TestIssuer.get();
        String id = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        Http author = new Http(port).as(issuer.coach("coach-author"));
        assertThat(author.post("/api/programs", "{\"programId\":\"" + id + "\",\"title\":\"t\",\"summary\":\"s\"}")
                         .statusCode()).isEqualTo(201);
        author.post("/api/programs/" + id + "/phases", "{\"phaseId\":\"p1\",\"title\":\"P\"}");
        author.post("/api/programs/" + id + "/phases", "{\"phaseId\":\"p2\",\"title\":\"P\"}");
        author.post("/api/programs/" + id + "/phases/p1/steps", step("s1", "READING", "t", "g"));
        author.post("/api/programs/" + id + "/phases/p1/steps", step("s2", "READING", "t", "g"));
        Caller[] authors = {Caller.OWN_COACH, Caller.OTHER_COACH, Caller.ADMIN};
        Caller[] everyone = {Caller.OWNER, Caller.OTHER_CLIENT, Caller.OWN_COACH, Caller.OTHER_COACH, Caller.ADMIN};
        String base = "/api/programs/" + id;
        List<Row> rows = List.of(
                row("POST", "/api/programs", "/api/programs", "{\"programId\":\"" + id + "-new\",\"title\":\"t\","
                                                              + "\"summary\":\"s\"}", authors),
                row("PUT", "/api/programs/{programId}", base, "{\"title\":\"t2\",\"summary\":\"s\"}", authors),
                row("POST", "/api/programs/{programId}/phases", base + "/phases", "{\"phaseId\":\"p3\",\"title\":\"P\"}",
                    authors),
                row("DELETE", "/api/programs/{programId}/phases/{phaseId}", base + "/phases/p2", null, authors),
                row("POST", "/api/programs/{programId}/phases/{phaseId}/steps", base + "/phases/p1/steps",
                    step("s3", "READING", "t", "g"), authors),
                row("PUT", "/api/programs/{programId}/steps/{stepId}", base + "/steps/s1",
                    step("s1", "READING", "t2", "g"), authors),
                row("DELETE", "/api/programs/{programId}/steps/{stepId}", base + "/steps/s2", null, authors),
                row("PUT", "/api/programs/{programId}/steps/{stepId}/position", base + "/steps/s1/position",
                    "{\"position\":1}", authors),
                row("POST", "/api/programs/{programId}/versions", base + "/versions", null, authors),
                row("GET", "/api/programs", "/api/programs", null, everyone),
                row("GET", "/api/programs/{programId}", base, null, everyone),
                row("GET", "/api/programs/{programId}/versions/{version}", base + "/versions/1", null, everyone),
                row("GET", "/api/programs/search", "/api/programs/search?q=harbour", null, everyone),
                row("POST", "/api/programs/{programId}/retire", base + "/retire", null, authors),
                row("PUT", "/api/risk-lists/{language}", "/api/risk-lists/mt",
                    "{\"phrases\":[{\"phrase\":\"matrix phrase\",\"riskClass\":\"SELF_HARM\"}]}", authors),
                row("GET", "/api/risk-lists/{language}", "/api/risk-lists/en", null, authors));
        AccessMatrix.assertEveryEndpointIsListed(mapping, rows);
        AccessMatrix.assertOutcomes("http://127.0.0.1:" + port, Map.of(
                Caller.OWNER, issuer.client("client-one", "coach-author"),
                Caller.OTHER_CLIENT, issuer.client("client-two", "coach-other"),
                Caller.OWN_COACH, issuer.coach("coach-author"), Caller.OTHER_COACH, issuer.coach("coach-other"),
                Caller.ADMIN, issuer.admin("admin-practice")), rows);
    }

    private static void assertProblem(java.net.http.HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(Json.parse(response.body()).get("errors").findValuesAsText("field")).contains(field);
    }

    private static String step(String id, String kind, String title, String guidance) {
        return "{\"stepId\":\"" + id + "\",\"kind\":\"" + kind + "\",\"title\":\"" + title + "\",\"guidance\":\""
               + guidance + "\",\"dayOffset\":0}";
    }
}
