package org.rekindle.platform.asyncapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AsyncAPI 3.0 document of one publishing service: one channel (its Kafka topic), one {@code send} operation,
 * and a message per published CloudEvents type whose payload schema is the CloudEvents 1.0 structured envelope
 * around the record's schema, with the golden JSON as its example and the Kafka key as a Kafka message binding.
 * Everything comes from the {@code *-events} module; nothing is written by hand.
 */
public final class AsyncApiDocument {

    /** The Kafka record's {@code content-type} header and the message's content type (structured mode). */
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    static final String KAFKA_BINDING_VERSION = "0.5.0";
    private static final Pattern TOPIC_VERSION = Pattern.compile("\\.v(\\d+)$");

    private static final ObjectMapper JSON = new ObjectMapper();

    private AsyncApiDocument() {
    }

    public static ObjectNode of(EventContract contract, Function<Class<?>, String> descriptions) {
        ObjectNode document = JSON.createObjectNode().put("asyncapi", "3.0.0");
        document.put("id", "urn:rekindle:" + contract.service());
        ObjectNode info = document.putObject("info");
        info.put("title", contract.service() + " events");
        info.put("version", topicVersion(contract.topic()));
        info.put("description", "The integration events " + contract.service() + " publishes to Kafka topic "
                                + contract.topic() + " as CloudEvents 1.0 in structured JSON mode, keyed by "
                                + contract.key() + " (unless a message names another key). Generated at build time "
                                + "from its *-events module; consumers dedupe on the CloudEvent id (delivery is at "
                                + "least once) and ignore types they do not know.");
        document.put("defaultContentType", CONTENT_TYPE);
        document.put("x-publisher", contract.service());
        document.put("x-kafka-key", contract.key());

        RecordSchemas schemas = new RecordSchemas(descriptions);
        ObjectNode messages = document.putObject("components").putObject("messages");
        ObjectNode channel = document.putObject("channels").putObject(contract.topic());
        channel.put("address", contract.topic());
        channel.put("description", "Every integration event of " + contract.service() + ", in order per "
                                   + contract.key() + ".");
        ObjectNode channelMessages = channel.putObject("messages");
        channel.putObject("bindings").putObject("kafka").put("topic", contract.topic())
               .put("bindingVersion", KAFKA_BINDING_VERSION);

        ObjectNode operation = document.putObject("operations").putObject("publish");
        operation.put("action", "send");
        operation.put("summary", contract.service() + " publishes each event once it is stored, at least once.");
        operation.putObject("channel").put("$ref", "#/channels/" + contract.topic());
        ArrayNode operationMessages = operation.putArray("messages");

        for (Map.Entry<String, Class<? extends Record>> published : contract.types().entrySet()) {
            String type = published.getKey();
            String name = EventContract.shortName(type);
            JsonNode golden = read(contract.golden(type).orElseThrow(() -> new IllegalStateException(
                    "no golden example golden/" + name + ".json for " + type + " in " + contract.service())));
            messages.set(name, message(contract, type, published.getValue(), golden, schemas, descriptions));
            channelMessages.putObject(name).put("$ref", "#/components/messages/" + name);
            operationMessages.addObject().put("$ref", "#/channels/" + contract.topic() + "/messages/" + name);
        }
        return document;
    }

    private static ObjectNode message(EventContract contract, String type, Class<? extends Record> record,
                                      JsonNode golden, RecordSchemas schemas,
                                      Function<Class<?>, String> descriptions) {
        ObjectNode message = JSON.createObjectNode();
        message.put("name", record.getSimpleName());
        message.put("title", EventContract.shortName(type));
        String description = descriptions.apply(record);
        if (description != null) {
            message.put("description", description);
        }
        message.put("contentType", CONTENT_TYPE);
        message.set("headers", headers());
        String key = contract.keyOf(type);
        message.set("payload", envelope(type, golden.path("source").asText(), key, schemas.of(record)));
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        kafka.putObject("key").put("type", "string")
             .put("description", "The " + key + " of data (also the CloudEvent subject).");
        kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
        ObjectNode example = message.putArray("examples").addObject();
        example.put("name", "golden");
        example.put("summary", "The golden JSON the wire-format tests pin.");
        example.putObject("headers").put("content-type", CONTENT_TYPE);
        example.set("payload", golden);
        message.put("x-cloudevents-type", type);
        message.put("x-kafka-key", key);
        return message;
    }

    private static ObjectNode headers() {
        ObjectNode headers = JSON.createObjectNode().put("type", "object");
        headers.putObject("properties").putObject("content-type").put("type", "string").put("const", CONTENT_TYPE);
        return headers;
    }

    private static ObjectNode envelope(String type, String source, String key, ObjectNode data) {
        ObjectNode envelope = JSON.createObjectNode().put("type", "object");
        envelope.put("title", "CloudEvent " + EventContract.shortName(type));
        ObjectNode properties = envelope.putObject("properties");
        properties.putObject("specversion").put("type", "string").put("const", "1.0");
        properties.putObject("id").put("type", "string").put("minLength", 1)
                  .put("description", "Stable across redeliveries (the stored event's id): consumers dedupe on it.");
        properties.putObject("source").put("type", "string").put("const", source);
        properties.putObject("type").put("type", "string").put("const", type);
        properties.putObject("subject").put("type", "string").put("minLength", 1)
                  .put("description", "The " + key + " of data; also the Kafka key.");
        properties.putObject("time").put("type", "string").put("format", "date-time")
                  .put("description", "When the event was stored.");
        properties.putObject("datacontenttype").put("type", "string").put("const", "application/json");
        properties.set("data", data);
        ArrayNode required = envelope.putArray("required");
        properties.fieldNames().forEachRemaining(required::add);
        envelope.put("additionalProperties", false);
        return envelope;
    }

    private static String topicVersion(String topic) {
        Matcher version = TOPIC_VERSION.matcher(topic);
        return version.find() ? version.group(1) + ".0.0" : "1.0.0";
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
