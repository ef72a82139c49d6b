package org.rekindle.platform.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/**
 * A rate measured over a recent window from readings of a growing count: between the newest reading and the oldest
 * one inside the window (or, when readings are sparse, the last one before it). A count that goes down (a rebuild
 * started again) starts the measurement over.
 */
final class RecentRate {

    private static final Duration SHORTEST = Duration.ofMillis(500);

    private final Duration window;
    private final Deque<Reading> readings = new ArrayDeque<>();

    RecentRate(Duration window) {
        this.window = window;
    }

    synchronized void restartAt(Instant at, long count) {
        readings.clear();
        readings.addLast(new Reading(at, count));
    }

    /** Records the count read at {@code at} and answers the rate per second, empty until half a second has passed. */
    synchronized OptionalDouble read(Instant at, long count) {
        if (!readings.isEmpty() && count < readings.peekLast().count()) {
            readings.clear();
        }
        readings.addLast(new Reading(at, count));
        Instant windowStart = at.minus(window);
        while (readings.size() > 2 && !readings.stream().skip(1).findFirst().orElseThrow().at().isAfter(windowStart)) {
            readings.removeFirst();
        }
        Reading first = readings.peekFirst();
        Duration span = Duration.between(first.at(), at);
        if (span.compareTo(SHORTEST) < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((count - first.count()) * 1000.0 / span.toMillis());
    }

    private record Reading(Instant at, long count) {
    }
}
