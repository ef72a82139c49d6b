package org.rekindle.content.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.rekindle.platform.readmodel.IdempotentWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * An author's write answers once the program's read model shows it, so the page they are sent back to shows what
 * they just did: the read model is built by a tracking processor moments after the event is stored, and without
 * this a page read right after a publish could still show the draft as unpublished.
 * <p>
 * It polls the program document's applied position instead of waiting for a signal from the projection, because
 * with several replicas the projection may run on another one. Bounded: after {@link #PATIENCE} the write (already
 * stored) is answered anyway.
 */
@Component
public class ReadYourWrites {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);
    static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 15;

    private final EventStore eventStore;
    private final MongoCollection<Document> programs;

    ReadYourWrites(EventStore eventStore, ContentCollections collections) {
        this.eventStore = eventStore;
        this.programs = collections.programs();
    }

    /** Returns when the program's read model holds every event stored for it so far, or after {@link #PATIENCE}. */
    public void awaitProgram(String programId) {
        long written = eventStore.lastSequenceNumberFor(programId).orElse(-1L);
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (applied(programId) < written) {
            if (Instant.now().isAfter(giveUp)) {
                log.warn("The read model of program {} is still behind event {} after {}", programId, written, PATIENCE);
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long applied(String programId) {
        Document doc = programs.find(Filters.eq("_id", programId))
                               .projection(Projections.include(IdempotentWrites.POSITION)).first();
        Number position = doc == null ? null : doc.get(IdempotentWrites.POSITION, Number.class);
        return position == null ? -1 : position.longValue();
    }
}
