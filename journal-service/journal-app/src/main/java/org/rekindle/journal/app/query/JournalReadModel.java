package org.rekindle.journal.app.query;

/** The processing group that builds every read model of this service from its event store. */
public final class JournalReadModel {

    public static final String PROCESSING_GROUP = "journal-read-model";

    private JournalReadModel() {
    }
}
