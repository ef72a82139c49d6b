package org.rekindle.journal.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.app.command.TextCipher;
import org.rekindle.platform.embedded.SharedTestInfrastructure;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A person named in the client's texts, end to end (HTTP → PostgreSQL event store → MongoDB read models): a name
 * written before the marking is re-sealed as the person's placeholder, one written after is sealed so, and erasing
 * the person leaves "[a person removed at the client's request]" where the name was, in the client's view, the
 * coach's shared view, the coach's note and the conversation, while the rest of every text stays; afterwards no
 * stored event or document of the client holds the name in plain text or in a form the remaining keys open. Nothing
 * published on the journal topic names the person or tells of the marking.
 */
class MarkedPersonsIT extends RecordingJournalTopicTest {

    private static final String REMOVED = TextCipher.PERSON_REMOVED;
    private static final Pattern SEALED = Pattern.compile("enc:v1:[A-Za-z0-9+/=]+");
    /** "Alex" as a word, not inside base64 (where four random letters may spell it). */
    private static final Pattern NAME = Pattern.compile("(?<![A-Za-z0-9+/])alex(?![A-Za-z0-9+/=])",
                                                        Pattern.CASE_INSENSITIVE);

    @Autowired
    JdbcTemplate eventStore;

    @Autowired
    TextCipher cipher;

    @Test
    void erasingAMarkedPersonRemovesTheirNameFromEveryTextAndNothingElse() {
        String client = newClientId();
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        Http own = http(client);
        Http theCoach = anonymous().as(TestIssuer.get().coach(coach));
        String base = "/api/clients/" + client;

        String before = entryId(own.post(base + "/journal/reflections", "{\"promptId\":\"why\",\"text\":"
                + "\"I told Alex I was sorry. Alex's sister called me.\"}"));
        own.put(base + "/journal/entries/" + before + "/share");
        String sealedBefore = sealedTextOfFirstEvent(client, before);
        JournalAccessIT.assign(client, coach);
        await().atMost(Duration.ofSeconds(30)).until(() -> theCoach.put(base + "/coach-note",
                "{\"text\":\"Alex came up again\"}").statusCode() == 200);
        assertThat(own.post(base + "/conversation/messages", "{\"text\":\"Should I answer Alex?\"}").statusCode())
                .isEqualTo(201);
        String calendar = "/api/coaches/" + coach + "/calendar";
        assertThat(theCoach.put(calendar + "/availability", "{\"zone\":\"UTC\",\"minutes\":30,\"slots\":["
                + "{\"day\":\"MONDAY\",\"start\":\"09:00\"},{\"day\":\"WEDNESDAY\",\"start\":\"09:00\"},"
                + "{\"day\":\"FRIDAY\",\"start\":\"09:00\"}]}").statusCode()).isBetween(200, 299);
        JsonNode free = Json.parse(own.get(base + "/sessions/free-slots?weeks=2").body()).get("slots");
        String session = Json.parse(own.post(base + "/sessions", "{\"start\":\"" + free.at("/0/start").asText()
                                             + "\"}").body()).get("sessionId").asText();
        assertThat(own.post(base + "/sessions/" + session + "/cancel", "{\"reason\":\"Alex is in town\"}")
                      .statusCode()).isBetween(200, 299);

        HttpResponse<String> marked = own.post(base + "/journal/persons",
                                               "{\"label\":\"my ex\",\"names\":[\"Alex\"]}");
        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(201);
        String person = Json.parse(marked.body()).get("personId").asText();
        assertThat(textOf(own, base, before)).as("re-sealed, it still reads as written")
                                             .isEqualTo("I told Alex I was sorry. Alex's sister called me.");
        assertThat(cipher.open(client, sealedBefore)).as("the form stored before the marking opens no more")
                                                     .isEqualTo(TextCipher.RETIRED);
        String after = entryId(own.post(base + "/journal/reflections", "{\"promptId\":\"why\",\"text\":"
                + "\"alex texted me today.\"}"));
        own.put(base + "/journal/entries/" + after + "/share");
        JsonNode persons = Json.parse(own.get(base + "/journal/persons").body()).get("persons");
        assertThat(persons).hasSize(1);
        assertThat(persons.get(0).get("label").asText()).isEqualTo("my ex");
        assertThat(persons.get(0).get("names").get(0).asText()).isEqualTo("Alex");

        assertThat(storedTextsOf(client, coach).stream().filter(text -> NAME.matcher(text).find()))
                .as("the scan below can find the name: the key document keeps it until the person is erased")
                .isNotEmpty();

        assertThat(own.delete(base + "/journal/persons/" + person).statusCode()).isEqualTo(204);

        assertThat(textOf(own, base, before)).isEqualTo("I told " + REMOVED + " I was sorry. " + REMOVED
                                                        + "'s sister called me.");
        assertThat(textOf(own, base, after)).isEqualTo(REMOVED + " texted me today.");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(textOf(theCoach, base, after))
                .as("the coach's shared view").isEqualTo(REMOVED + " texted me today."));
        assertThat(textOf(theCoach, base, before)).contains("I told " + REMOVED + " I was sorry.");
        assertThat(Json.parse(theCoach.get(base + "/coach-note").body()).get("text").asText())
                .isEqualTo(REMOVED + " came up again");
        assertThat(Json.parse(own.get(base + "/conversation").body()).get("messages").get(0).get("text").asText())
                .isEqualTo("Should I answer " + REMOVED + "?");
        assertThat(Json.parse(own.get(base + "/sessions/" + session).body()).at("/changes/0/reason").asText())
                .as("a session's cancellation reason, in the coach's calendar").isEqualTo(REMOVED + " is in town");
        JsonNode erased = Json.parse(own.get(base + "/journal/persons").body()).get("persons").get(0);
        assertThat(erased.get("erased").asBoolean()).isTrue();
        assertThat(erased.path("label").isMissingNode() || erased.path("label").isNull()).as("no label").isTrue();
        assertThat(erased.path("names")).as("no names").isEmpty();

        List<String> stored = storedTextsOf(client, coach);
        assertThat(stored).as("the client's events and documents").isNotEmpty();
        assertThat(stored.stream().filter(text -> NAME.matcher(text).find()).toList())
                .as("no plain 'Alex' in any event or document of the client").isEmpty();
        List<String> opened = new ArrayList<>();
        stored.forEach(text -> {
            Matcher sealed = SEALED.matcher(text);
            while (sealed.find()) {
                opened.add(cipher.open(client, sealed.group()));
                opened.add(cipher.openForPerson(client, person, sealed.group()));
            }
        });
        assertThat(opened).as("sealed texts found").isNotEmpty()
                          .noneMatch(text -> text.toLowerCase().contains("alex"));
        assertThat(opened).contains("I told " + REMOVED + " I was sorry. " + REMOVED + "'s sister called me.");

        await().atMost(Duration.ofSeconds(30)).until(() -> topic.recordsWithKey(client).stream()
                                                              .anyMatch(record -> record.value().contains(after)));
        assertThat(topic.recordsWithKey(client)).as("published: no name, no marking")
                .noneMatch(record -> record.value().toLowerCase().contains("alex"))
                .noneMatch(record -> record.value().contains("Person"));

        assertThat(own.put(base + "/journal/persons/" + person, "{\"label\":\"x\",\"names\":[\"Alex\"]}")
                      .statusCode()).as("an erased person stays erased").isEqualTo(409);
        assertThat(own.delete(base + "/journal/persons/" + person).statusCode()).isEqualTo(204);
        assertThat(own.delete(base + "/journal/persons/nobody").statusCode()).isEqualTo(404);
        assertThat(own.put(base + "/journal/persons/nobody", "{\"label\":\"x\",\"names\":[\"Jo\"]}").statusCode())
                .isEqualTo(404);
        assertThat(theCoach.get(base + "/journal/persons").statusCode()).isEqualTo(403);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String client = newClientId();
        Http own = http(client);
        String base = "/api/clients/" + client + "/journal/persons";
        for (String[] bad : new String[][]{
                {"{\"label\":\" \",\"names\":[\"Alex\"]}", "label"},
                {"{\"label\":\"" + "x".repeat(61) + "\",\"names\":[\"Alex\"]}", "label"},
                {"{\"label\":\"my ex\",\"names\":[]}", "names"},
                {"{\"label\":\"my ex\"}", "names"},
                {"{\"label\":\"my ex\",\"names\":[\"" + "n".repeat(61) + "\"]}", "names[0]"},
                {"{\"label\":\"my ex\",\"names\":[\"Alex\",\" \"]}", "names[1]"},
                {"{\"label\":\"my ex\",\"names\":[\"'-'\"]}", "names[0]"},
                {"{\"label\":{\"$gt\":\"\"},\"names\":[\"Alex\"]}", "label"}}) {
            HttpResponse<String> response = own.post(base, bad[0]);
            assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).as(bad[0]).contains("\"" + bad[1] + "\"");
        }
        assertThat(Json.parse(own.get(base).body()).get("persons")).as("nothing was marked").isEmpty();
    }

    private static String entryId(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.parse(created.body()).get("entryId").asText();
    }

    private static String textOf(Http reader, String base, String entryId) {
        HttpResponse<String> entry = reader.get(base + "/journal/entries/" + entryId);
        assertThat(entry.statusCode()).as(entry.body()).isEqualTo(200);
        return Json.parse(entry.body()).get("text").asText();
    }

    /** The entry's text as its first event holds it in the event store. */
    private String sealedTextOfFirstEvent(String client, String entryId) {
        for (String payload : payloads("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?",
                                       client)) {
            JsonNode event = Json.parse(payload);
            if (entryId.equals(event.path("entryId").asText())) {
                return event.get("text").asText();
            }
        }
        throw new AssertionError("no event of entry " + entryId);
    }

    /**
     * Every event and snapshot of the client's aggregates and of their coach's calendar (PostgreSQL), and every
     * MongoDB document naming the client.
     */
    private List<String> storedTextsOf(String client, String coach) {
        List<String> stored = new ArrayList<>();
        String like = client + "/%";
        stored.addAll(payloads("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                               + "OR aggregate_identifier LIKE ?", client, like));
        stored.addAll(payloads("SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ? "
                               + "OR aggregate_identifier LIKE ?", client, like));
        stored.addAll(payloads("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?", coach));
        stored.addAll(payloads("SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ?", coach));
        try (MongoClient mongo = MongoClients.create(SharedTestInfrastructure.mongo().connectionString())) {
            for (String name : mongo.listDatabaseNames()) {
                MongoDatabase db = mongo.getDatabase(name);
                for (String collection : db.listCollectionNames()) {
                    for (Document doc : db.getCollection(collection).find()) {
                        String json = doc.toJson();
                        if (json.contains(client)) {
                            stored.add(json);
                        }
                    }
                }
            }
        }
        return stored;
    }

    private List<String> payloads(String sql, Object... args) {
        return eventStore.queryForList(sql, byte[].class, args).stream()
                         .map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();
    }
}
