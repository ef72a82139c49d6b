package org.rekindle.platform.metrics;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How far a processor reading the service's own event store is behind its head: in events (the head's global index
 * minus the processor's position) and in seconds (the age of the oldest event it has not handled yet, 0 when none).
 * The head is one {@code max(global_index)}; the oldest event is the first of one bounded fetch after the token.
 */
final class EventStoreLag {

    private final EventStorageEngine storage;
    private final Clock clock;

    EventStoreLag(EventStorageEngine storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    OptionalLong events(TrackingToken position) {
        return behind(head(), position);
    }

    private static OptionalLong behind(OptionalLong head, TrackingToken position) {
        OptionalLong at = position == null ? OptionalLong.of(-1) : position.position();
        if (head.isEmpty() || at.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, head.getAsLong() - at.getAsLong()));
    }

    /** The global index of the newest stored event, -1 when the store is empty. */
    private OptionalLong head() {
        TrackingToken headToken = storage.createHeadToken();
        return headToken == null ? OptionalLong.of(-1) : headToken.position();
    }

    /**
     * A processor's progress through the store: the total is every index up to the head now (head + 1), the done
     * part what is left of it after the lag, so total - done is always {@link #events}.
     */
    Optional<Progress> progress(TrackingToken position) {
        OptionalLong head = head();
        OptionalLong lag = behind(head, position);
        if (head.isEmpty() || lag.isEmpty()) {
            return Optional.empty();
        }
        long total = head.getAsLong() + 1;
        return Optional.of(new Progress(Math.max(0, total - lag.getAsLong()), total));
    }

    Duration age(TrackingToken position) {
        try (var next = storage.readEvents(position, false)) {
            Optional<? extends TrackedEventMessage<?>> oldest = next.findFirst();
            return oldest.map(event -> Duration.between(event.getTimestamp(), clock.instant()))
                         .filter(age -> !age.isNegative()).orElse(Duration.ZERO);
        }
    }
}
