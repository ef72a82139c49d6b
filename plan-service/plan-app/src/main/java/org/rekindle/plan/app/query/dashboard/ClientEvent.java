package org.rekindle.plan.app.query.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Something that happened to a client, as the coach dashboard sees it: read from the journal and plan topics and
 * reduced to what the dashboard uses. {@code type} is the producer's event name without namespace and version
 * (e.g. {@code MoodCheckedIn}); {@code time} is when it happened, {@code recordedAt} when the producer stored it (a
 * client may log last night's call this morning); {@code data} holds its fields.
 */
public record ClientEvent(String eventId, String clientId, String type, Instant time, Map<String, Object> data,
                          Instant recordedAt) {

    /** An event recorded when it happened. */
    public ClientEvent(String eventId, String clientId, String type, Instant time, Map<String, Object> data) {
        this(eventId, clientId, type, time, data, time);
    }

    public String text(String field) {
        Object value = data.get(field);
        return value == null ? null : value.toString();
    }

    /** A list of strings (e.g. the names a consent allows); empty when the field is missing. */
    public List<String> texts(String field) {
        Object value = data.get(field);
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    public Integer number(String field) {
        Object value = data.get(field);
        return value instanceof Number n ? n.intValue() : null;
    }
}
