package org.rekindle.platform.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import org.rekindle.platform.publishing.CloudEventJson;

/**
 * A CloudEvent read from Kafka and checked: id, type and subject present, the declared spec version, data an
 * object. Consumers then read {@link #data(Class)} into the record they keep of the producer's contract.
 */
public record IncomingCloudEvent(String id, String type, String subject, String json) {

    private static final int MAX_ID = 200;

    public static IncomingCloudEvent parse(String json) {
        JsonNode node;
        try {
            node = CloudEventJson.readTree(json);
        } catch (IllegalArgumentException e) {
            throw new UnreadableRecordException("record is not JSON", e);
        }
        String id = text(node, "id");
        String type = text(node, "type");
        String subject = text(node, "subject");
        if (!"1.0".equals(text(node, "specversion")) || id == null || type == null || subject == null
            || id.length() > MAX_ID || subject.length() > MAX_ID || node.get("data") == null
            || !node.get("data").isObject()) {
            throw new UnreadableRecordException("not a CloudEvent 1.0 with id, type, subject and data", null);
        }
        return new IncomingCloudEvent(id, type, subject, json);
    }

    public <T> T data(Class<T> type) {
        try {
            return CloudEventJson.readData(json, type);
        } catch (IllegalArgumentException e) {
            throw new UnreadableRecordException("data of " + this.type + " does not fit " + type.getSimpleName(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
