package org.rekindle.journal.app.it;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.rekindle.platform.embedded.SharedTestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.TestIssuer;
import org.rekindle.journal.app.command.TextCipher;
import org.rekindle.journal.app.command.api.CoachNoteId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crypto-shredding end to end: what a client writes is never stored in plain text, reads back for them while their
 * key exists, and after erasure no plain text of theirs is left in the event store (PostgreSQL), any MongoDB
 * collection or Kafka topic of the stack (nor of their coach's private note about them, sealed with the same key),
 * while their events stay in the event store and the journal takes no new
 * writes.
 */
class ErasureIT extends EmbeddedStackTest {

    @Autowired
    JdbcTemplate eventStore;

    @Autowired
    TextCipher cipher;

    @Test
    void afterErasureNoPlainTextOfTheClientRemainsAnywhereAndTheEventsStay() throws Exception {
        String client = newClientId();
        String marker = "secret-" + UUID.randomUUID();
        Http http = http(client);
        String base = "/api/clients/" + client;
        assertThat(http.post(base + "/journal/reflections", "{\"promptId\":\"why\",\"text\":\"I miss her " + marker
                                                            + "\"}").statusCode()).isEqualTo(201);
        String apology = Json.parse(http.post(base + "/journal/apologies", "{\"text\":\"Sorry " + marker + "\"}")
                                        .body()).get("entryId").asText();
        http.post(base + "/journal/apologies/" + apology + "/revisions", "{\"text\":\"Truly sorry " + marker + "\"}");
        http.post(base + "/journal/mood-check-ins", "{\"score\":2,\"note\":\"low " + marker + "\"}");
        String period = Json.parse(http.post(base + "/contact-log/no-contact-periods", "{\"targetDays\":30}").body())
                            .get("periodId").asText();
        http.post(base + "/contact-log/urges", "{\"resisted\":true,\"note\":\"urge " + marker + "\"}");
        http.post(base + "/contact-log/breaches", "{\"channel\":\"TEXT\",\"initiatedBy\":\"CLIENT\",\"note\":\"texted "
                                                  + marker + "\"}");
        http.post(base + "/contact-log/no-contact-periods/" + period + "/end", "{\"reason\":\"done " + marker + "\"}");
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        JournalAccessIT.assign(client, coach);
        Http theCoach = anonymous().as(TestIssuer.get().coach(coach));
        await().atMost(Duration.ofSeconds(30)).until(() -> theCoach.put(base + "/coach-note", "{\"text\":\"watching "
                                                                        + marker + "\"}").statusCode() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> theCoach.get(base + "/coach-note").body()
                                                                   .contains("watching " + marker));
        String sealedNote = sealedTextOfCoachNote(client, coach);
        assertThat(cipher.open(client, sealedNote)).as("the coach's note opens with the client's key")
                                                   .isEqualTo("watching " + marker);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(http.get(base + "/journal/entries").body()).as("the client reads their own words")
                                                                 .contains("I miss her " + marker);
            assertThat(http.get(base + "/contact-log").body()).contains("texted " + marker);
        });
        assertThat(placesHolding(marker)).as("sealed at rest, before any erasure").isEmpty();
        long events = storedEventsOf(client);

        assertThat(http.delete(base + "/journal").statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get(base + "/streak").statusCode() == 404);
        assertThat(http.post(base + "/journal/mood-check-ins", "{\"score\":3,\"note\":\"late\"}").statusCode())
                .as("a late write is refused").isEqualTo(409);
        assertThat(http.get(base + "/journal/entries").statusCode()).isEqualTo(404);
        assertThat(placesHolding(marker)).as("no plain text anywhere the stack keeps data").isEmpty();
        assertThat(storedEventsOf(client)).as("the event log stays, plus the erasure").isEqualTo(events + 1);
        assertThat(cipher.open(client, sealedTextOfCoachNote(client, coach))).as("the coach's note is shredded too")
                                                                            .isEqualTo(TextCipher.ERASED);
        assertThat(theCoach.get(base + "/coach-note").statusCode()).isEqualTo(404);
        assertThat(theCoach.put(base + "/coach-note", "{\"text\":\"after\"}").statusCode()).isEqualTo(404);
    }

    /** The note's text as its event holds it in the event store (sealed). */
    private String sealedTextOfCoachNote(String client, String coach) throws Exception {
        byte[] payload = eventStore.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?"
                                                   + " AND sequence_number = 0", byte[].class,
                                                   CoachNoteId.of(client, coach));
        return Json.parse(new String(payload, java.nio.charset.StandardCharsets.UTF_8)).get("text").asText();
    }

    /** Every column of the event store's tables, MongoDB collection of every database, and Kafka topic that contains the text. */
    private List<String> placesHolding(String text) throws Exception {
        List<String> places = new ArrayList<>();
        List<Map<String, Object>> columns = eventStore.queryForList(
                "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'"
                + " AND data_type IN ('bytea', 'character varying', 'text')");
        assertThat(columns).as("the event store's columns").isNotEmpty();
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            String asText = "bytea".equals(column.get("data_type")) ? "convert_from(" + name + ", 'UTF8')" : name;
            Long rows = eventStore.queryForObject("SELECT count(*) FROM " + table + " WHERE strpos(" + asText
                                                  + ", ?) > 0", Long.class, text);
            if (rows != null && rows > 0) {
                places.add("postgres " + table + "." + name);
            }
        }
        try (MongoClient mongo = MongoClients.create(SharedTestInfrastructure.mongo().connectionString())) {
            for (String name : mongo.listDatabaseNames()) {
                MongoDatabase db = mongo.getDatabase(name);
                for (String collection : db.listCollectionNames()) {
                    for (Document doc : db.getCollection(collection).find()) {
                        if (doc.toJson().contains(text)) {
                            places.add("mongo " + name + "." + collection);
                            break;
                        }
                    }
                }
            }
        }
        String bootstrap = SharedTestInfrastructure.kafka().bootstrapServers();
        Set<String> topics;
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            topics = admin.listTopics().names().get();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            for (String topic : topics) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.value() != null && record.value().contains(text)) {
                            places.add("kafka " + topic);
                        }
                    }
                }
            }
        }
        return places.stream().distinct().toList();
    }

    private long storedEventsOf(String client) {
        return eventStore.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                                         Long.class, client);
    }
}
