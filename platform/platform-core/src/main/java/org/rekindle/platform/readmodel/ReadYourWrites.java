package org.rekindle.platform.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A write answers once the aggregate's read model shows it, so the page the writer is sent back to shows what they
 * just did: read models are built by tracking processors moments after the event is stored, and without this a read
 * right after a write can still show the state before it.
 * <p>
 * For read models written with {@link IdempotentWrites} whose document {@code _id} is the aggregate's id: it polls
 * the document's applied position against the aggregate's last stored sequence number, rather than waiting for a
 * signal from the projection, because with several replicas the projection may run on another one. Bounded: after
 * {@link #PATIENCE} the write (already stored) is answered anyway.
 */
public final class ReadYourWrites {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);
    public static final Duration PATIENCE = Duration.ofSeconds(5);
    /**
     * How long a look at a read model's document waits at most before the next: each look is a query, so the waits
     * start at 1 ms and double up to this.
     */
    private static final long MAX_QUERY_POLL_MILLIS = 4;
    /** A processor's position is in memory: it is looked at every millisecond. */
    private static final long PROCESSOR_POLL_MILLIS = 1;

    private final EventStore eventStore;

    public ReadYourWrites(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Returns when {@code readModel}'s document for the aggregate holds every event stored for it, or after {@link #PATIENCE}. */
    public void await(MongoCollection<Document> readModel, String aggregateId) {
        long written = eventStore.lastSequenceNumberFor(aggregateId).orElse(-1L);
        pollUntil(() -> applied(readModel, aggregateId) >= written, MAX_QUERY_POLL_MILLIS, () -> "The read model "
                  + readModel.getNamespace().getCollectionName() + " of " + aggregateId + " is still behind event "
                  + written);
    }

    /**
     * Returns when {@code processor} has handled every event stored so far (the store's head now), or after
     * {@link #PATIENCE}: for read models whose documents are not keyed by the aggregate (a journal's entries, its
     * contact log). Only the segments this instance claims are looked at; with none claimed it returns at once.
     */
    public void awaitProcessed(StreamingEventProcessor processor) {
        TrackingToken head = eventStore.createHeadToken();
        long target = head == null ? -1 : head.position().orElse(-1);
        pollUntil(() -> processor.processingStatus().values().stream()
                                 .allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= target),
                  PROCESSOR_POLL_MILLIS, () -> "Processor " + processor.getName() + " is still behind index " + target);
    }

    /**
     * Polls until {@code caughtUp}, giving up (with a warning) after {@link #PATIENCE}. A read model usually catches up
     * within a few milliseconds of the command, and every millisecond a poll sleeps past that is added to the answer:
     * a fixed 15 ms wait made a write answer up to 15 ms late (write benchmark, journal-service alone, 1 thread:
     * command p50 16.5 ms on 2 Dec), waits from 1 ms doubling to 15 ms still up to 8 ms (13.8 ms on 4 Dec). The waits
     * start at 1 ms and double up to {@code maxWaitMillis}.
     */
    private static void pollUntil(BooleanSupplier caughtUp, long maxWaitMillis, Supplier<String> stillBehind) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        long wait = 1;
        while (!caughtUp.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                log.warn("{} after {}", stillBehind.get(), PATIENCE);
                return;
            }
            try {
                Thread.sleep(wait);
                wait = Math.min(maxWaitMillis, wait * 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long applied(MongoCollection<Document> readModel, String aggregateId) {
        Document doc = readModel.find(Filters.eq("_id", aggregateId))
                                .projection(Projections.include(IdempotentWrites.POSITION)).first();
        Number position = doc == null ? null : doc.get(IdempotentWrites.POSITION, Number.class);
        return position == null ? -1 : position.longValue();
    }
}
