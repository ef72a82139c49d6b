package org.rekindle.platform.metrics;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A processor's lag: events after its position, and how old the first of them is (0 when it has read them all). */
class EventStoreLagTest {

    private final Instant now = Instant.parse("2026-12-03T12:00:00Z");
    private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();
    private final EventStoreLag lag = new EventStoreLag(store, Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void countsTheEventsAfterThePositionAndAgesTheOldestOfThem() {
        store.appendEvents(event(now.minusSeconds(90)), event(now.minusSeconds(40)), event(now.minusSeconds(5)));

        GlobalSequenceTrackingToken afterTheFirst = new GlobalSequenceTrackingToken(0);
        assertThat(lag.events(afterTheFirst)).hasValue(2);
        assertThat(lag.age(afterTheFirst)).isEqualTo(Duration.ofSeconds(40));

        GlobalSequenceTrackingToken afterTheLast = new GlobalSequenceTrackingToken(2);
        assertThat(lag.events(afterTheLast)).hasValue(0);
        assertThat(lag.age(afterTheLast)).isZero();
    }

    @Test
    void aProcessorThatHasReadNothingLagsByEverything() {
        store.appendEvents(event(now.minusSeconds(90)), event(now.minusSeconds(40)));

        assertThat(lag.events(null)).hasValue(2);
        assertThat(lag.age(null)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void progressIsTheStoreUpToItsHeadLessTheLag() {
        store.appendEvents(event(now.minusSeconds(90)), event(now.minusSeconds(40)), event(now.minusSeconds(5)));

        assertThat(lag.progress(null)).hasValue(new Progress(0, 3));
        assertThat(lag.progress(new GlobalSequenceTrackingToken(0))).hasValue(new Progress(1, 3));
        assertThat(lag.progress(new GlobalSequenceTrackingToken(2))).hasValue(new Progress(3, 3));
    }

    private static GenericEventMessage<String> event(Instant at) {
        return new GenericEventMessage<>(new org.axonframework.messaging.GenericMessage<>("payload"), () -> at);
    }
}
