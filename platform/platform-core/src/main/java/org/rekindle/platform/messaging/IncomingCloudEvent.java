package org.rekindle.platform.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import org.rekindle.platform.publishing.CloudEventJson;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * A CloudEvent read from Kafka and checked again by the consumer, whoever produced it: size, spec version, id,
 * type and subject well formed, data an object; then {@link #data(Class)} checks what the consumer keeps of the
 * producer's contract (ids well formed, the client id equal to the subject, texts bounded). A record that fails is
 * unreadable: it is not retried but parked on the dead-letter topic, and the consumer goes on.
 */
public record IncomingCloudEvent(String id, String type, String subject, String json) {

    /** The largest record a consumer reads (the APIs accept at most 64 KiB per request). */
    public static final int MAX_RECORD_CHARS = 256 * 1024;
    private static final int MAX_TEXT = 20_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");
    private static final Pattern TYPE = Pattern.compile("rekindle\\.[a-z]+\\.[A-Z][A-Za-z]{1,80}\\.v[1-9][0-9]?");

    /**
     * The record as a CloudEvent, or empty when it is none: for a listener that reads a topic beside the service's main
     * listener for one type only, and leaves unreadable records to the main listener's dead-letter handling (else
     * each such listener would park the same poison record again).
     */
    public static java.util.Optional<IncomingCloudEvent> parseIfCloudEvent(String json) {
        try {
            return java.util.Optional.of(parse(json));
        } catch (UnreadableRecordException notACloudEvent) {
            return java.util.Optional.empty();
        }
    }

    public static IncomingCloudEvent parse(String json) {
        if (json == null || json.length() > MAX_RECORD_CHARS) {
            throw new UnreadableRecordException("record is empty or larger than " + MAX_RECORD_CHARS + " chars", null);
        }
        JsonNode node;
        try {
            node = CloudEventJson.readTree(json);
        } catch (IllegalArgumentException e) {
            throw new UnreadableRecordException("record is not JSON", e);
        }
        String id = text(node, "id");
        String type = text(node, "type");
        String subject = text(node, "subject");
        if (!"1.0".equals(text(node, "specversion")) || node.get("data") == null || !node.get("data").isObject()) {
            throw new UnreadableRecordException("not a CloudEvent 1.0 with an object as data", null);
        }
        requireEnvelope(id != null && ID.matcher(id).matches(), "id", id);
        requireEnvelope(type != null && TYPE.matcher(type).matches(), "type", type);
        requireEnvelope(subject != null && ID.matcher(subject).matches(), "subject", subject);
        return new IncomingCloudEvent(id, type, subject, json);
    }

    public <T> T data(Class<T> type) {
        T data;
        try {
            data = CloudEventJson.readData(json, type);
        } catch (IllegalArgumentException e) {
            throw new UnreadableRecordException("data of " + this.type + " does not fit " + type.getSimpleName(), e);
        }
        if (data instanceof Record record) {
            check(record);
        }
        return data;
    }

    /** Ids well formed, the client id the subject (the record key), no text beyond reason, no missing ids. */
    private void check(Record record) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String name = component.getName();
            if (name.endsWith("Id") && component.getType() == String.class) {
                require(value == null && !name.equals("clientId") && !name.equals("planId")
                        || value != null && ID.matcher((String) value).matches(), "data." + name, value);
            }
            if (name.equals("clientId")) {
                require(subject.equals(value), "data.clientId (must be the subject)", value);
            }
            if (value instanceof String text && text.length() > MAX_TEXT) {
                throw new UnreadableRecordException("data." + name + " of " + type + " is longer than " + MAX_TEXT,
                                                    null);
            }
            if (value instanceof Collection<?> items && items.size() > 1_000) {
                throw new UnreadableRecordException("data." + name + " of " + type + " has too many items", null);
            }
        }
    }

    private void require(boolean condition, String field, Object value) {
        if (!condition) {
            throw new UnreadableRecordException(field + " of " + type + " is missing or malformed: "
                                                + abbreviate(value), null);
        }
    }

    private static void requireEnvelope(boolean condition, String field, String value) {
        if (!condition) {
            throw new UnreadableRecordException("CloudEvent " + field + " is missing or malformed: "
                                                + abbreviate(value), null);
        }
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
