package org.rekindle.journal.events;

/** The Kafka topic journal-service publishes its integration events to, as CloudEvents 1.0 structured JSON. */
public final class JournalTopic {

    public static final String NAME = "rekindle.journal.v1";

    private JournalTopic() {
    }
}
