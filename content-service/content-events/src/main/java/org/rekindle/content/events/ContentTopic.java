package org.rekindle.content.events;

/** The Kafka topic content-service publishes its integration events to, as CloudEvents 1.0 structured JSON. */
public final class ContentTopic {

    public static final String NAME = "rekindle.content.v1";

    private ContentTopic() {
    }
}
