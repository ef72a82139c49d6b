package org.rekindle.platform.eventstore;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor's wait for the next event is split into short looks, so an event whose signal was lost (the stream
 * looked, the event arrived, then the stream waited) is seen at the next look, not after the whole wait; and a commit
 * made in this process ends a look's wait at once.
 */
class PromptEventStoreTest {

    private static final long SLICE_NANOS = PromptEventStore.DEFAULT_SLICE.toNanos();
    private static final long SLICE_MILLIS = PromptEventStore.DEFAULT_SLICE.toMillis();

    private final PromptEventStore.Commits commits = new PromptEventStore.Commits();

    /** A stream that never wakes up early: each wait lasts as asked and answers what was there when it began. */
    private static final class LostSignals implements TrackingEventStream {
        final List<Long> waitsMillis = new ArrayList<>();
        private final int availableFromLook;
        volatile boolean committed;

        LostSignals(int availableFromLook) {
            this.availableFromLook = availableFromLook;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            waitsMillis.add(unit.toMillis(timeout));
            boolean available = committed || waitsMillis.size() >= availableFromLook;
            if (!available) {
                unit.sleep(timeout);
            }
            return available;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.empty();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void anEventThatArrivedDuringAWaitIsSeenAtTheNextLook() throws Exception {
        LostSignals stream = new LostSignals(3);

        boolean available = new PromptEventStore.SlicedWaits(stream, commits, SLICE_NANOS).hasNextAvailable(1000, TimeUnit.MILLISECONDS);

        assertThat(available).isTrue();
        assertThat(stream.waitsMillis).as("two short waits, then the look that finds it").hasSize(3)
                                      .allMatch(wait -> wait <= SLICE_MILLIS);
    }

    @Test
    void withNothingStoredTheWaitLastsAsLongAsAskedInShortLooks() throws Exception {
        LostSignals stream = new LostSignals(Integer.MAX_VALUE);

        boolean available = new PromptEventStore.SlicedWaits(stream, commits, SLICE_NANOS).hasNextAvailable(30, TimeUnit.MILLISECONDS);

        assertThat(available).isFalse();
        assertThat(stream.waitsMillis).hasSizeGreaterThan(1).allMatch(wait -> wait <= SLICE_MILLIS);
    }

    @Test
    void aLookWithoutWaitingStaysOneLook() throws Exception {
        LostSignals stream = new LostSignals(Integer.MAX_VALUE);

        assertThat(new PromptEventStore.SlicedWaits(stream, commits, SLICE_NANOS).hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(stream.waitsMillis).containsExactly(0L);
    }

    @Test
    void aCommitInThisProcessEndsTheWaitBeforeItsSlice() throws Exception {
        LostSignals stream = new LostSignals(Integer.MAX_VALUE);
        PromptEventStore.SlicedWaits hourLongSlices = new PromptEventStore.SlicedWaits(stream, commits,
                                                                                       TimeUnit.HOURS.toNanos(1));
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> available = waiter.submit(() -> hourLongSlices.hasNextAvailable(10, TimeUnit.SECONDS));
            Thread.sleep(100);
            stream.committed = true;
            commits.committed();

            assertThat(available.get(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            waiter.shutdownNow();
        }
    }

    @Test
    void aCommitMadeBetweenTheLookAndTheWaitIsNotLost() throws Exception {
        long seen = commits.count();
        commits.committed();

        assertThat(commits.awaitAfter(seen, TimeUnit.HOURS.toNanos(1))).isTrue();
    }
}
