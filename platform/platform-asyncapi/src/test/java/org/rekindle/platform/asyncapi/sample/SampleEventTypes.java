package org.rekindle.platform.asyncapi.sample;

import java.util.Map;

/** A contract shaped like the services' {@code *-events} modules, for the tool's own tests. */
public final class SampleEventTypes {

    private SampleEventTypes() {
    }

    public static Map<String, Class<? extends Record>> all() {
        return Map.of(SessionBooked.TYPE, SessionBooked.class, SessionCancelled.TYPE, SessionCancelled.class);
    }
}
