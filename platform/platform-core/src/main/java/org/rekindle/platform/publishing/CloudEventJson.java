package org.rekindle.platform.publishing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one place that decides how integration events look on the wire; golden-JSON tests pin its output.
 * Times are ISO-8601 strings, absent optional fields are left out. Modules are named, never discovered: the Kafka
 * broker jars bring jackson-module-scala, which would turn JSON arrays into Scala lists.
 */
public final class CloudEventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .addModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private CloudEventJson() {
    }

    public static String write(CloudEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize CloudEvent " + event.id(), e);
        }
    }

    public static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON document", e);
        }
    }

    public static <T> T convert(JsonNode node, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        return MAPPER.convertValue(node, type);
    }

    /** Reads the {@code data} of a CloudEvent into the consumer's own record type. */
    public static <T> T readData(String json, Class<T> dataType) {
        try {
            return MAPPER.treeToValue(readTree(json).get("data"), dataType);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("CloudEvent data is not a " + dataType.getSimpleName(), e);
        }
    }
}
