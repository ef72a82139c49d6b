package org.rekindle.platform.asyncapi.sample;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The client booked a session on {@code slots}; see {@link Slot}.
 * <p>Type {@value #TYPE} on topic {@value SampleTopic#NAME}.
 */
public record SessionBooked(String clientId, List<Slot> slots, Set<String> topics, boolean firstSession,
                            @Nullable Double price, Instant bookedAt) {

    public static final String TYPE = "rekindle.sample.SessionBooked.v1";
}
