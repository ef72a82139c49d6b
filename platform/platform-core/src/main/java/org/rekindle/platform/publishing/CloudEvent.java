package org.rekindle.platform.publishing;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;

/**
 * A CloudEvents 1.0 event in structured JSON mode: the envelope every integration event travels in.
 *
 * @param id      stable across redeliveries (the domain event id): consumers dedupe on it
 * @param type    {@code rekindle.<service>.<Name>.v<major>}
 * @param subject the client the event is about (also the Kafka key, so one client's events stay in order)
 * @param time    when the domain event was stored
 */
@JsonPropertyOrder({"specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data"})
public record CloudEvent(String specversion, String id, String source, String type, String subject, Instant time,
                         String datacontenttype, Object data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public static CloudEvent of(String id, String source, String type, String subject, Instant time, Object data) {
        return new CloudEvent(SPEC_VERSION, id, source, type, subject, time, "application/json", data);
    }
}
