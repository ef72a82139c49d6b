package org.rekindle.platform.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Axon's {@link EmbeddedEventStore} whose tracking streams look for the next event when this process commits one,
 * and otherwise once per slice (10 ms by default).
 * <p>
 * Why, twice over (Axon 4.13, {@code EmbeddedEventStore.EventConsumer}):
 * <ul>
 * <li>A stream that follows the store's head looks for the next event and only then takes the lock and waits for the
 * signal that events arrived. An event stored between the look and the wait is signalled to nobody, and the
 * processor sleeps out its whole wait (1 s). Measured on 6 Dec 2026: about 1 journal write in 100 answered ~1,000 ms
 * late. In slices, a lost signal costs at most one slice.</li>
 * <li>Only the store's cache of recent events signals, and it is filled only while some stream follows it. After a
 * burst larger than the cache every processor reads on its own; once caught up, it finds its token nowhere in the
 * cache, which nobody filled since, and keeps reading on its own, signalled by nobody: each new event was found at
 * the next slice. A journal command waits for its read model, so that was +5–10 ms per command (write bench of
 * 7 Dec 2026, {@code deploy/bench/results/2026-12-07-s42-command-step.md}). So a commit here wakes every waiting
 * stream, which then looks right away.</li>
 * </ul>
 * Events another instance commits are still found at the next slice (or when Axon's cache fetches them).
 */
public class PromptEventStore extends EmbeddedEventStore {

    static final Duration DEFAULT_SLICE = Duration.ofMillis(10);

    private final Commits commits = new Commits();
    private final long sliceNanos;

    public PromptEventStore(EmbeddedEventStore.Builder builder) {
        this(builder, DEFAULT_SLICE);
    }

    public PromptEventStore(EmbeddedEventStore.Builder builder, Duration slice) {
        super(builder);
        this.sliceNanos = slice.toNanos();
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new SlicedWaits(super.openStream(trackingToken), commits, sliceNanos);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        commits.committed();
    }

    /** Counts this process's commits; a stream about to wait is woken by one made since it last looked. */
    static final class Commits {

        private final ReentrantLock lock = new ReentrantLock();
        private final Condition made = lock.newCondition();
        private volatile long count;

        long count() {
            return count;
        }

        void committed() {
            lock.lock();
            try {
                count++;
                made.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** Waits up to {@code nanos} for a commit after the one counted {@code seen}; true if one came. */
        boolean awaitAfter(long seen, long nanos) throws InterruptedException {
            lock.lock();
            try {
                while (count == seen && nanos > 0) {
                    nanos = made.awaitNanos(nanos);
                }
                return count != seen;
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * A stream that looks, then waits a slice at most, and looks again at once when this process commits; everything
     * else is the wrapped stream's.
     */
    static final class SlicedWaits implements TrackingEventStream {

        private final TrackingEventStream stream;
        private final Commits commits;
        private final long sliceNanos;

        SlicedWaits(TrackingEventStream stream, Commits commits, long sliceNanos) {
            this.stream = stream;
            this.commits = commits;
            this.sliceNanos = sliceNanos;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                long seen = commits.count();
                if (stream.hasNextAvailable(0, TimeUnit.NANOSECONDS)) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                if (commits.awaitAfter(seen, Math.min(left, sliceNanos))) {
                    // A stream that follows the cache waits here for the cache to take the commit in; one that reads
                    // on its own finds it in this look.
                    long rest = Math.max(0, Math.min(deadline - System.nanoTime(), sliceNanos));
                    if (stream.hasNextAvailable((int) TimeUnit.NANOSECONDS.toMicros(rest), TimeUnit.MICROSECONDS)) {
                        return true;
                    }
                }
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stream.setOnAvailableCallback(callback);
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
