package org.rekindle.journal.events;

/** The Kafka topic journal-service publishes its integration events to, as CloudEvents 1.0 structured JSON. */
public final class JournalTopic {

    public static final String NAME = "rekindle.journal.v1";

    /**
     * The field of every published record whose value keys the Kafka record and is the CloudEvent {@code subject}:
     * one client's events stay in order.
     */
    public static final String KEY = "clientId";

    private JournalTopic() {
    }
}
