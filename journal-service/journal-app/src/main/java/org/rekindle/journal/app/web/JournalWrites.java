package org.rekindle.journal.app.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.rekindle.journal.app.query.JournalReadModel;
import org.rekindle.platform.readmodel.ReadYourWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * A client's write answers once the journal's read models hold it, so the page they are sent back to (their journal,
 * the contact log, Today) shows what they just did, however busy the service is. The read models are one tracking
 * processor over the event store and their documents are keyed by entry, not by journal, so this waits for the
 * processor to reach the store's head (at most {@link ReadYourWrites#PATIENCE}).
 * <p>
 * Both parts are timed ({@code rekindle.journal.write}, tag {@code part}: {@code command}, {@code read-models}), so
 * a slow write says which part grew.
 */
@Component
class JournalWrites {

    private static final Logger log = LoggerFactory.getLogger(JournalWrites.class);
    /** A write answered later than this is logged with where its time went. */
    private static final long SLOW_NANOS = 500_000_000L;

    private final CommandGateway commands;
    private final EventProcessingConfiguration processing;
    private final ReadYourWrites readYourWrites;
    private final Timer commandPart;
    private final Timer readModelsPart;

    JournalWrites(CommandGateway commands, EventProcessingConfiguration processing, EventStore eventStore,
                  MeterRegistry meters) {
        this.commands = commands;
        this.processing = processing;
        this.readYourWrites = new ReadYourWrites(eventStore);
        this.commandPart = part(meters, "command", "the command sent and stored");
        this.readModelsPart = part(meters, "read-models", "then waiting for the journal's read models to hold it");
    }

    private static Timer part(MeterRegistry meters, String part, String description) {
        return Timer.builder("rekindle.journal.write").tag("part", part)
                    .description("A client's journal write over HTTP: " + description).register(meters);
    }

    <R> R send(Object command) {
        long start = System.nanoTime();
        R result = commands.sendAndWait(command);
        long handled = System.nanoTime();
        processing.eventProcessor(JournalReadModel.PROCESSING_GROUP, StreamingEventProcessor.class)
                  .ifPresent(readYourWrites::awaitProcessed);
        long answered = System.nanoTime();
        commandPart.record(handled - start, TimeUnit.NANOSECONDS);
        readModelsPart.record(answered - handled, TimeUnit.NANOSECONDS);
        if (answered - start > SLOW_NANOS) {
            log.info("Slow write {}: command {} ms, then read models {} ms", command.getClass().getSimpleName(),
                     (handled - start) / 1_000_000, (answered - handled) / 1_000_000);
        }
        return result;
    }
}
