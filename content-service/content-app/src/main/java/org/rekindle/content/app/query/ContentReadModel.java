package org.rekindle.content.app.query;

/** The processing group that builds every read model of this service from its event store. */
public final class ContentReadModel {

    public static final String PROCESSING_GROUP = "content-read-model";

    private ContentReadModel() {
    }
}
