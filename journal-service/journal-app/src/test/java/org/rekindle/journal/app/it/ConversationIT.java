package org.rekindle.journal.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.app.command.TextCipher;
import org.rekindle.journal.app.command.api.ConversationId;
import org.rekindle.platform.embedded.SharedTestInfrastructure;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The conversation between a client and their coach over HTTP: messages both ways with read receipts, only the two
 * of them (403 for another coach, another client and the practice admin, whose attempts change nothing), reading it
 * is not a read in the client's ledger, the published event says who wrote but not what, bad input is a 400 naming
 * the field, and erasing the client's journal shreds the text.
 */
class ConversationIT extends RecordingJournalTopicTest {

    private final TestIssuer issuer = TestIssuer.get();

    @Autowired
    JdbcTemplate eventStore;

    @Autowired
    TextCipher cipher;

    @Test
    void theCoachAndTheClientWriteToEachOtherAndSeeWhatTheOtherHasRead() {
        String client = newClientId();
        String coach = newCoachId();
        String base = "/api/clients/" + client + "/conversation";
        Http own = http(client);
        own.post("/api/clients/" + client + "/journal/mood-check-ins", "{\"score\":3}");
        Http theCoach = assignedCoach(client, coach);

        JsonNode empty = Json.parse(theCoach.get(base).body());
        assertThat(empty.get("messageCount").asInt()).isZero();
        assertThat(empty.get("messages")).isEmpty();

        HttpResponse<String> sent = theCoach.post(base + "/messages", "{\"text\":\"I saw the breach. Want to talk?\"}");
        assertThat(sent.statusCode()).isEqualTo(201);
        assertThat(Json.parse(sent.body()).get("number").asInt()).isEqualTo(1);

        JsonNode clientSees = Json.parse(own.get(base).body());
        assertThat(clientSees.get("coachId").asText()).isEqualTo(coach);
        assertThat(clientSees.get("messages")).hasSize(1);
        JsonNode first = clientSees.get("messages").get(0);
        assertThat(first.get("text").asText()).isEqualTo("I saw the breach. Want to talk?");
        assertThat(first.get("sender").asText()).isEqualTo("COACH");
        assertThat(first.get("seen").asBoolean()).as("not read yet").isFalse();

        HttpResponse<String> read = own.post(base + "/read", "");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(Json.parse(read.body()).get("readUpTo").asInt()).isEqualTo(1);
        assertThat(Json.parse(theCoach.get(base).body()).at("/messages/0/seen").asBoolean())
                .as("the coach sees the read receipt").isTrue();

        assertThat(own.post(base + "/messages", "{\"text\":\"Yes please, tomorrow evening\"}").statusCode())
                .isEqualTo(201);
        JsonNode coachSees = Json.parse(theCoach.get(base).body());
        assertThat(coachSees.get("messages").findValuesAsText("text"))
                .containsExactly("I saw the breach. Want to talk?", "Yes please, tomorrow evening");
        assertThat(coachSees.get("messages").findValuesAsText("sender")).containsExactly("COACH", "CLIENT");
        assertThat(coachSees.at("/messages/1/seen").asBoolean()).isFalse();
        assertThat(Json.parse(theCoach.post(base + "/read", "{}").body()).get("readUpTo").asInt()).isEqualTo(2);
        assertThat(Json.parse(own.get(base).body()).at("/messages/1/seen").asBoolean()).isTrue();

        assertThat(own.get("/api/clients/" + client + "/journal/reads").body())
                .as("the participants reading their conversation is not a read of the client's journal")
                .isEqualTo("[]");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> published = topic.recordsWithKey(client).stream().map(r -> Json.parse(r.value()))
                    .filter(e -> e.get("type").asText().equals("rekindle.journal.MessageSent.v1")).toList();
            assertThat(published).hasSize(2);
            assertThat(published.get(0).at("/data/sender").asText()).isEqualTo("COACH");
            assertThat(published.get(0).at("/data/coachId").asText()).isEqualTo(coach);
            assertThat(published.get(1).at("/data/sender").asText()).isEqualTo("CLIENT");
            assertThat(published.get(1).at("/data/messageNumber").asInt()).isEqualTo(2);
            assertThat(published.toString()).as("the text never leaves the service").doesNotContain("breach")
                                            .doesNotContain("tomorrow");
        });
    }

    @Test
    void anOpenPageOfTheOtherSideHearsOfANewMessageAndOfTheReadReceipt() throws Exception {
        String client = newClientId();
        String coach = newCoachId();
        String base = "/api/clients/" + client + "/conversation";
        Http own = http(client);
        own.post("/api/clients/" + client + "/journal/mood-check-ins", "{\"score\":3}");
        Http theCoach = assignedCoach(client, coach);
        java.util.concurrent.BlockingQueue<String> heard = new java.util.concurrent.LinkedBlockingQueue<>();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(own.base() + base + "/stream"))
                .header("Authorization", "Bearer " + issuer.client(client, null))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<java.util.stream.Stream<String>> stream = java.net.http.HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        try {
            assertThat(stream.statusCode()).isEqualTo(200);
            Thread reader = new Thread(() -> stream.body().filter(line -> line.startsWith("event:"))
                                                   .forEach(heard::add));
            reader.setDaemon(true);
            reader.start();
            assertThat(theCoach.post(base + "/messages", "{\"text\":\"Are you free tomorrow?\"}").statusCode())
                    .isEqualTo(201);
            assertThat(heard.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("event:message");
            own.post(base + "/read", "");
            assertThat(heard.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("event:read");
        } finally {
            stream.body().close();
        }
    }

    @Test
    void nobodyElseReadsOrWritesTheConversation() {
        String client = newClientId();
        String coach = newCoachId();
        String base = "/api/clients/" + client + "/conversation";
        http(client).post("/api/clients/" + client + "/journal/mood-check-ins", "{\"score\":3}");
        Http theCoach = assignedCoach(client, coach);
        theCoach.post(base + "/messages", "{\"text\":\"between us\"}");

        Http otherCoach = anonymous().as(issuer.coach(newCoachId()));
        Http admin = anonymous().as(issuer.admin("admin-practice"));
        Http otherClient = http(newClientId());
        for (Http refused : new Http[]{otherCoach, admin, otherClient, anonymous()}) {
            HttpResponse<String> get = refused.get(base);
            assertThat(get.statusCode()).isIn(401, 403);
            assertThat(get.body()).doesNotContain("between us");
            assertThat(refused.post(base + "/messages", "{\"text\":\"let me in\"}").statusCode()).isIn(401, 403);
            assertThat(refused.post(base + "/read", "").statusCode()).isIn(401, 403);
        }
        JsonNode after = Json.parse(theCoach.get(base).body());
        assertThat(after.get("messageCount").asInt()).as("refused sends changed nothing").isEqualTo(1);
        assertThat(after.at("/messages/0/seen").asBoolean()).as("refused reads changed nothing").isFalse();

        JournalAccessIT.assign(client, "coach-next-" + UUID.randomUUID().toString().substring(0, 8));
        await().atMost(Duration.ofSeconds(30)).until(() -> theCoach.get(base).statusCode() == 403);
        assertThat(theCoach.post(base + "/messages", "{\"text\":\"still here?\"}").statusCode())
                .as("a coach the client is no longer assigned to").isEqualTo(403);
    }

    @Test
    void badInputIsA400NamingTheFieldAndChangesNothing() {
        String client = newClientId();
        String coach = newCoachId();
        String base = "/api/clients/" + client + "/conversation";
        Http own = http(client);
        Http theCoach = assignedCoach(client, coach);
        assertThat(theCoach.post(base + "/messages", "{\"text\":\"before any journal\"}").statusCode())
                .as("a client without a journal has no conversation yet").isEqualTo(404);
        own.post("/api/clients/" + client + "/journal/mood-check-ins", "{\"score\":3}");

        for (String body : new String[]{"{\"text\":\"  \"}", "{}", "{\"text\":\"" + "x".repeat(4_001) + "\"}"}) {
            HttpResponse<String> refused = own.post(base + "/messages", body);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(Json.parse(refused.body()).get("errors").findValuesAsText("field")).containsExactly("text");
        }
        assertThat(Json.parse(own.get(base).body()).get("messageCount").asInt()).isZero();
        assertThat(own.post(base + "/messages", "{\"text\":\"" + "x".repeat(4_000) + "\"}").statusCode())
                .isEqualTo(201);
        assertThat(theCoach.post(base + "/read", "{\"upTo\":5}").statusCode()).as("past the latest").isEqualTo(400);
        assertThat(theCoach.post(base + "/read", "{\"upTo\":-1}").statusCode()).isEqualTo(400);
        assertThat(own.get(base + "?limit=0").statusCode()).isEqualTo(400);
        assertThat(own.get(base + "?limit=101").statusCode()).isEqualTo(400);
        assertThat(own.get(base + "?before=abc").statusCode()).isEqualTo(400);
        assertThat(Json.parse(own.get(base).body()).get("readByCoach").asInt()).isZero();
    }

    @Test
    void pagesGoBackFromTheNewestByNumber() {
        String client = newClientId();
        String coach = newCoachId();
        String base = "/api/clients/" + client + "/conversation";
        Http own = http(client);
        own.post("/api/clients/" + client + "/journal/mood-check-ins", "{\"score\":3}");
        assignedCoach(client, coach);
        for (int i = 1; i <= 5; i++) {
            assertThat(own.post(base + "/messages", "{\"text\":\"note " + i + "\"}").statusCode()).isEqualTo(201);
        }
        JsonNode newest = Json.parse(own.get(base + "?limit=2").body());
        assertThat(newest.get("messages").findValuesAsText("text")).containsExactly("note 4", "note 5");
        assertThat(newest.get("olderBefore").asInt()).isEqualTo(4);
        JsonNode older = Json.parse(own.get(base + "?limit=2&before=4").body());
        assertThat(older.get("messages").findValuesAsText("text")).containsExactly("note 2", "note 3");
        JsonNode oldest = Json.parse(own.get(base + "?limit=2&before=2").body());
        assertThat(oldest.get("messages").findValuesAsText("text")).containsExactly("note 1");
        assertThat(oldest.path("olderBefore").isMissingNode() || oldest.get("olderBefore").isNull()).as("no older page").isTrue();
    }

    @Test
    void erasingTheClientsJournalShredsTheConversation() throws Exception {
        String client = newClientId();
        String coach = newCoachId();
        String marker = "secret-" + UUID.randomUUID();
        String base = "/api/clients/" + client + "/conversation";
        Http own = http(client);
        own.post("/api/clients/" + client + "/journal/mood-check-ins", "{\"score\":3}");
        Http theCoach = assignedCoach(client, coach);
        theCoach.post(base + "/messages", "{\"text\":\"coach says " + marker + "\"}");
        own.post(base + "/messages", "{\"text\":\"client says " + marker + "\"}");
        assertThat(own.get(base).body()).contains("coach says " + marker).contains("client says " + marker);
        String conversation = ConversationId.of(client, coach);
        List<String> sealed = sealedTextsOf(conversation);
        assertThat(sealed).hasSize(2).noneMatch(text -> text.contains(marker));
        assertThat(mongoDocumentsHolding(marker)).as("sealed at rest").isZero();

        assertThat(own.delete("/api/clients/" + client + "/journal").statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> own.get(base).statusCode() == 404);
        assertThat(sealed).allSatisfy(text -> assertThat(cipher.open(client, text)).isEqualTo(TextCipher.ERASED));
        assertThat(theCoach.post(base + "/messages", "{\"text\":\"after\"}").statusCode()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(30)).until(() -> conversationDocuments(conversation) == 0);
        assertThat(sealedTextsOf(conversation)).as("the events stay, sealed").hasSize(2);
    }

    private List<String> sealedTextsOf(String conversation) {
        return eventStore.queryForList("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND "
                                       + "payload_type LIKE '%MessageSent' ORDER BY sequence_number", byte[].class,
                                       conversation)
                         .stream().map(p -> Json.parse(new String(p, StandardCharsets.UTF_8)).get("text").asText())
                         .toList();
    }

    private static long mongoDocumentsHolding(String text) {
        try (MongoClient mongo = MongoClients.create(SharedTestInfrastructure.mongo().connectionString())) {
            MongoDatabase db = mongo.getDatabase("journal-it");
            return db.getCollection("journal_conversation_messages").find().into(new java.util.ArrayList<>())
                     .stream().filter(doc -> doc.toJson().contains(text)).count();
        }
    }

    private static long conversationDocuments(String conversation) {
        try (MongoClient mongo = MongoClients.create(SharedTestInfrastructure.mongo().connectionString())) {
            MongoDatabase db = mongo.getDatabase("journal-it");
            return db.getCollection("journal_conversations").countDocuments(Filters.eq("_id", conversation))
                   + db.getCollection("journal_conversation_messages")
                       .countDocuments(Filters.in("_id", conversation + "#1", conversation + "#2"));
        }
    }

    private Http assignedCoach(String client, String coach) {
        JournalAccessIT.assign(client, coach);
        Http theCoach = anonymous().as(issuer.coach(coach));
        await().atMost(Duration.ofSeconds(30)).until(() -> theCoach.get("/api/clients/" + client + "/consent")
                                                                   .statusCode() != 403);
        return theCoach;
    }

    private static String newCoachId() {
        return "coach-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
