package org.rekindle.platform.asyncapi.sample;

import java.time.Instant;

public record SessionCancelled(String clientId, Instant cancelledAt) {

    public static final String TYPE = "rekindle.sample.SessionCancelled.v1";
}
