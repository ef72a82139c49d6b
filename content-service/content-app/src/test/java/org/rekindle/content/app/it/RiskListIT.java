package org.rekindle.content.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.rekindle.content.app.ContentApplication;
import org.rekindle.content.events.ContentTopic;
import org.rekindle.platform.embedded.EmbeddedPostgresServer;
import org.rekindle.platform.embedded.SharedTestInfrastructure;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.TestIssuer;
import org.rekindle.platform.testing.TopicRecorder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The risk-language lists on the embedded stack: the default English list is there from the first start, a coach
 * revises it (bad phrases refused with problem+json naming the entry, nothing changed), each version is published on
 * {@code rekindle.content.v1} keyed by language, and clients may not read or change it.
 */
@SpringBootTest(classes = ContentApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "spring.config.name=" + ContentApplication.CONFIG_NAME)
class RiskListIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> SharedTestInfrastructure.mongo().connectionString());
        registry.add("spring.kafka.bootstrap-servers", () -> SharedTestInfrastructure.kafka().bootstrapServers());
        registry.add("rekindle.mongo.database", () -> "content-risk-it");
        registry.add("spring.datasource.url",
                     () -> SharedTestInfrastructure.postgres().createDatabase("content-risk-it"));
        registry.add("spring.datasource.username", () -> EmbeddedPostgresServer.USER);
        registry.add("rekindle.security.issuer-uri", () -> TestIssuer.get().url());
    }

    @Test
    void aCoachRevisesTheDefaultListAndEachVersionIsPublished() throws InterruptedException {
        TopicRecorder topic = new TopicRecorder(SharedTestInfrastructure.kafka().bootstrapServers(), ContentTopic.NAME);
        Http coach = new Http(port).as(TestIssuer.get().coach("coach-maya"));
        Http client = new Http(port).as(TestIssuer.get().client("client-sam", "coach-maya"));

        JsonNode seeded = await().atMost(Duration.ofSeconds(10)).until(
                () -> coach.get("/api/risk-lists/en"), r -> r.statusCode() == 200).body().transform(Json::parse);
        int version = seeded.get("version").asInt();
        assertThat(seeded.get("phrases").findValuesAsText("phrase")).contains("kill* myself", "suicid*");
        assertThat(seeded.get("phrases").findValuesAsText("riskClass"))
                .contains("SUICIDAL_IDEATION", "SELF_HARM", "HARM_TO_OTHERS");

        HttpResponse<String> refused = coach.put("/api/risk-lists/en", "{\"phrases\":[{\"phrase\":\"kill* myself\","
                + "\"riskClass\":\"SUICIDAL_IDEATION\"},{\"phrase\":\".. die\",\"riskClass\":\"SELF_HARM\"}]}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Json.parse(refused.body());
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("phrases[1].phrase");
        assertThat(problem.get("errors").findValuesAsText("reason")).containsExactly("may not start or end with '..'");
        assertThat(coach.put("/api/risk-lists/en", "{\"phrases\":[{\"phrase\":\"alone\",\"riskClass\":\"SADNESS\"}]}")
                        .statusCode()).isEqualTo(400);
        assertThat(coach.put("/api/risk-lists/en", "{\"phrases\":[]}").statusCode()).isEqualTo(400);
        assertThat(client.put("/api/risk-lists/en", "{\"phrases\":[{\"phrase\":\"x\",\"riskClass\":\"SELF_HARM\"}]}")
                         .statusCode()).isEqualTo(403);
        assertThat(client.get("/api/risk-lists/en").statusCode()).isEqualTo(403);
        assertThat(Json.parse(coach.get("/api/risk-lists/en").body()).get("version").asInt())
                .as("nothing changed").isEqualTo(version);

        HttpResponse<String> revised = coach.put("/api/risk-lists/en", "{\"phrases\":[{\"phrase\":\"kill* myself\","
                + "\"riskClass\":\"SUICIDAL_IDEATION\"},{\"phrase\":\"no way out\",\"riskClass\":\"SUICIDAL_IDEATION\"}]}");
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        assertThat(Json.parse(revised.body()).get("version").asInt()).isEqualTo(version + 1);
        JsonNode now = Json.parse(coach.get("/api/risk-lists/en").body());
        assertThat(now.get("version").asInt()).isEqualTo(version + 1);
        assertThat(now.get("revisedBy").asText()).isEqualTo("coach-maya");
        assertThat(now.get("phrases").findValuesAsText("phrase")).containsExactly("kill* myself", "no way out");

        List<ConsumerRecord<String, String>> published = await().atMost(Duration.ofSeconds(30)).until(
                () -> topic.recordsWithKey("en").stream().filter(r -> r.value().contains("\"version\":" + (version + 1))
                        || r.value().contains("\"version\" : " + (version + 1))).toList(), found -> !found.isEmpty());
        JsonNode event = Json.parse(published.get(0).value());
        assertThat(event.get("type").asText()).isEqualTo("rekindle.content.RiskListRevised.v1");
        assertThat(event.at("/data/phrases/1/phrase").asText()).isEqualTo("no way out");
        assertThat(published.get(0).value()).as("who revised it stays in content-service").doesNotContain("coach-maya");
        topic.close();
    }
}
