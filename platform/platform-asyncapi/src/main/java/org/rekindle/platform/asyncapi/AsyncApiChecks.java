package org.rekindle.platform.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What makes a service's AsyncAPI document right, as a list of problems (empty when it is):
 * it is valid against the official AsyncAPI 3.0.0 JSON schema (vendored from asyncapi/spec-json-schemas, Apache
 * License 2.0, see {@code asyncapi-spec/LICENSE} beside it); it has exactly one message per published type of the
 * contract, on the channel and in the send operation; and each message's example is the contract's golden JSON,
 * validates against the message's payload schema (formats asserted) and is keyed by the contract's key field.
 */
public final class AsyncApiChecks {

    /** Draft 07 with formats asserted; {@code example} (used by the AsyncAPI schema) is an annotation, not unknown. */
    private static final SchemaRegistry DRAFT_7 = SchemaRegistry.withDefaultDialect(
            Dialect.builder(Dialects.getDraft7()).keyword(new AnnotationKeyword("example")).build(),
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                                                          .formatAssertionsEnabled(true).build()));
    private static final Schema ASYNCAPI_3 = DRAFT_7.getSchema(asyncApiSchema());

    private AsyncApiChecks() {
    }

    /** The document the build wrote into the service's classes, {@code asyncapi/<service>.json}, checked. */
    public static List<String> problemsOfBuiltDocument(EventContract contract) {
        String resource = "asyncapi/" + contract.service() + ".json";
        try (InputStream in = contract.classLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return List.of("no " + resource + " on the classpath: the build did not generate it");
            }
            return problems(AsyncApiDocument.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)), contract);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> problems(JsonNode document, EventContract contract) {
        List<String> problems = new ArrayList<>();
        for (Error error : ASYNCAPI_3.validate(document)) {
            problems.add("not AsyncAPI 3.0.0: " + error);
        }
        JsonNode messages = document.path("components").path("messages");
        JsonNode channel = document.path("channels").path(contract.topic());
        if (!channel.path("address").asText().equals(contract.topic())) {
            problems.add("no channel with address " + contract.topic());
        }
        List<String> operationRefs = document.path("operations").path("publish").path("messages")
                                             .findValuesAsText("$ref");
        for (Map.Entry<String, Class<? extends Record>> published : contract.types().entrySet()) {
            String type = published.getKey();
            String name = EventContract.shortName(type);
            JsonNode message = messages.path(name);
            if (message.isMissingNode()) {
                problems.add("published type " + type + " (" + published.getValue().getName() + ") has no message");
                continue;
            }
            if (!channel.path("messages").has(name)) {
                problems.add("message " + name + " is not on channel " + contract.topic());
            }
            if (!operationRefs.contains("#/channels/" + contract.topic() + "/messages/" + name)) {
                problems.add("message " + name + " is not in the publish operation");
            }
            problems.addAll(messageProblems(name, type, message, contract));
        }
        for (Iterator<String> names = messages.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (contract.types().keySet().stream().map(EventContract::shortName).noneMatch(name::equals)) {
                problems.add("message " + name + " is not a published type of " + contract.service());
            }
        }
        return problems;
    }

    /**
     * What is wrong with one record a service really published, by its document: no message for its CloudEvents
     * type, a value that breaks the message's payload schema, or a Kafka key that is not the declared key field.
     */
    public static List<String> recordProblems(JsonNode document, String kafkaKey, String value) {
        JsonNode event = AsyncApiDocument.read(value);
        String type = event.path("type").asText();
        for (JsonNode message : document.path("components").path("messages")) {
            if (message.path("x-cloudevents-type").asText().equals(type)) {
                List<String> problems = new ArrayList<>();
                for (Error error : DRAFT_7.getSchema(message.path("payload")).validate(event)) {
                    problems.add(type + " " + event.path("id").asText() + " does not match its schema: " + error);
                }
                String keyField = message.path("x-kafka-key").asText();
                if (!event.path("data").path(keyField).asText().equals(kafkaKey)) {
                    problems.add(type + " " + event.path("id").asText() + " is keyed by " + kafkaKey + ", not its "
                                 + keyField);
                }
                return problems;
            }
        }
        return List.of("the document has no message for type " + type + " (" + event.path("id").asText() + ")");
    }

    private static List<String> messageProblems(String name, String type, JsonNode message, EventContract contract) {
        List<String> problems = new ArrayList<>();
        if (!type.equals(message.path("payload").path("properties").path("type").path("const").asText())) {
            problems.add(name + ": payload does not fix the CloudEvents type " + type);
        }
        JsonNode examples = message.path("examples");
        if (examples.isEmpty()) {
            problems.add(name + ": no example");
        }
        Schema payload = DRAFT_7.getSchema(message.path("payload"));
        for (JsonNode example : examples) {
            JsonNode event = example.path("payload");
            for (Error error : payload.validate(event)) {
                problems.add(name + ": example does not match the payload schema: " + error);
            }
            String golden = contract.golden(type).orElse(null);
            if (golden == null || !AsyncApiDocument.read(golden).equals(event)) {
                problems.add(name + ": example is not the golden JSON golden/" + name + ".json");
            }
            String key = event.path("data").path(contract.keyOf(type)).asText(null);
            if (key == null || !key.equals(event.path("subject").asText())) {
                problems.add(name + ": example's subject is not its data." + contract.keyOf(type) + " (the Kafka key)");
            }
        }
        return problems;
    }

    private static JsonNode asyncApiSchema() {
        try (InputStream in = AsyncApiChecks.class.getResourceAsStream("/asyncapi-spec/3.0.0.schema.json")) {
            return AsyncApiDocument.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
