package org.rekindle.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.rekindle.platform.asyncapi.AsyncApiChecks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A publishing service's AsyncAPI document as it serves it ({@code /asyncapi.json}, no token needed, the document
 * its build generated), and the check that every record it really published to Kafka matches that document.
 */
public final class PublishedContract {

    private PublishedContract() {
    }

    public static JsonNode served(Http anonymous, String service) {
        HttpResponse<String> response = anonymous.get("/asyncapi.json");
        assertThat(response.statusCode()).as("/asyncapi.json without a token").isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode served = Json.parse(response.body());
        assertThat(served).as("the document generated at build time").isEqualTo(built(service));
        return served;
    }

    /**
     * Every record on the topic that the service wrote (its CloudEvents {@code source}; tests' own records and
     * poison records are left out) has a message in the document, matches its payload schema and is keyed by the
     * declared key field. Returns how many records were checked.
     */
    public static int assertPublishedRecordsMatch(JsonNode document, String bootstrapServers) {
        String topic = document.path("channels").elements().next().path("address").asText();
        String source = document.path("components").path("messages").elements().next()
                                .at("/payload/properties/source/const").asText();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (ConsumerRecord<String, String> record : TopicRecorder.everything(bootstrapServers, topic)) {
            if (writtenBy(source, record.value())) {
                problems.addAll(AsyncApiChecks.recordProblems(document, record.key(), record.value()));
                checked++;
            }
        }
        assertThat(problems).as("records on " + topic + " that do not match the AsyncAPI document").isEmpty();
        return checked;
    }

    private static boolean writtenBy(String source, String value) {
        try {
            return source.equals(Json.parse(value).path("source").asText());
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    private static JsonNode built(String service) {
        try (InputStream in = PublishedContract.class.getClassLoader()
                                                     .getResourceAsStream("asyncapi/" + service + ".json")) {
            assertThat(in).as("asyncapi/" + service + ".json on the classpath").isNotNull();
            return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
