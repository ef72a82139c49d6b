package org.rekindle.content.events;

/** The Kafka topic content-service publishes its integration events to, as CloudEvents 1.0 structured JSON. */
public final class ContentTopic {

    public static final String NAME = "rekindle.content.v1";

    /**
     * The field of every published record whose value keys the Kafka record and is the CloudEvent {@code subject}:
     * one program's events stay in order.
     */
    public static final String KEY = "programId";

    private ContentTopic() {
    }
}
