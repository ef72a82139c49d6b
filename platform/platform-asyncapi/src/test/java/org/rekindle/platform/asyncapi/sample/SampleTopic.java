package org.rekindle.platform.asyncapi.sample;

public final class SampleTopic {

    public static final String NAME = "rekindle.sample.v1";
    public static final String KEY = "clientId";

    private SampleTopic() {
    }
}
