package org.rekindle.platform.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.rekindle.platform.embedded.EmbeddedPostgresServer;
import org.rekindle.platform.embedded.SharedTestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The platform's event store as a service gets it (auto-configuration, Flyway schema) on a real PostgreSQL: a
 * sequence number written twice is a concurrency conflict, and a tracking reader misses no event across gaps in the
 * global index, whether a gap is a transaction still open or one rolled back for good.
 */
@SpringBootTest(classes = PostgresEventStoreIT.App.class,
                properties = {"axon.axonserver.enabled=false", "axon.serializer.general=jackson",
                              "axon.serializer.events=jackson", "axon.serializer.messages=jackson",
                              "axon.update-check.disabled=true"})
class PostgresEventStoreIT {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> SharedTestInfrastructure.postgres().createDatabase("eventstore-it"));
        registry.add("spring.datasource.username", () -> EmbeddedPostgresServer.USER);
    }

    @Autowired
    EventStorageEngine store;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Snapshotter snapshotter;

    @Test
    void snapshotsAreTakenOnTheSnapshotThreadNotTheCommands() throws Exception {
        Executor executor = (Executor) ReflectionTestUtils.getField(snapshotter, "executor");
        CompletableFuture<String> ranOn = new CompletableFuture<>();
        executor.execute(() -> ranOn.complete(Thread.currentThread().getName()));

        assertThat(ranOn.get(10, TimeUnit.SECONDS)).isEqualTo(SnapshotThread.NAME);
    }

    @Autowired
    EventStore eventStore;

    @Test
    void processorsReadThroughTheStoreThatWaitsInSlices() {
        assertThat(eventStore).isInstanceOf(PromptEventStore.class);
    }

    @Test
    void flywayCreatesTheTablesTheEngineUses() {
        assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
                                     String.class))
                .contains("domain_event_entry", "snapshot_event_entry", "token_entry");
        String aggregate = UUID.randomUUID().toString();
        inTransaction(() -> store.appendEvents(event(aggregate, 0), event(aggregate, 1)));
        assertThat(store.readEvents(aggregate).asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(0L, 1L);
        assertThat(store.lastSequenceNumberFor(aggregate)).hasValue(1L);
    }

    @Test
    void aSequenceNumberWrittenTwiceIsAConcurrencyConflictAndChangesNothing() {
        String aggregate = UUID.randomUUID().toString();
        inTransaction(() -> store.appendEvents(event(aggregate, 0), event(aggregate, 1)));
        assertThatThrownBy(() -> inTransaction(() -> store.appendEvents(event(aggregate, 1))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(store.readEvents(aggregate).asStream().count()).isEqualTo(2);
    }

    @Test
    void aTrackingReaderMissesNoEventAcrossAnOpenAndARolledBackTransaction() throws Exception {
        TrackingToken start = lastToken();
        String slow = UUID.randomUUID().toString();
        String rolledBack = UUID.randomUUID().toString();
        String fast = UUID.randomUUID().toString();
        CountDownLatch slowAppended = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            // an append that takes its global index first and commits last
            Future<?> slowWrite = writer.submit(() -> inTransaction(() -> {
                store.appendEvents(event(slow, 0));
                slowAppended.countDown();
                await(mayCommit);
            }));
            await(slowAppended);
            // an append rolled back: its index is never used
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                store.appendEvents(event(rolledBack, 0));
                status.setRollbackOnly();
            });
            inTransaction(() -> store.appendEvents(event(fast, 0)));

            List<? extends TrackedEventMessage<?>> beforeCommit = readFrom(start);
            assertThat(aggregates(beforeCommit)).containsExactly(fast);
            TrackingToken seen = beforeCommit.get(beforeCommit.size() - 1).trackingToken();
            long fastIndex = ((GapAwareTrackingToken) seen).getIndex();
            assertThat(((GapAwareTrackingToken) seen).getGaps()).as("the open and the rolled-back appends")
                                                               .contains(fastIndex - 2, fastIndex - 1);

            mayCommit.countDown();
            slowWrite.get(10, TimeUnit.SECONDS);
            assertThat(aggregates(readFrom(seen))).as("the gap filled late is read, the rolled-back one never")
                                                  .containsExactly(slow);
        } finally {
            mayCommit.countDown();
            writer.shutdownNow();
        }
    }

    /**
     * The write bench's step (7 Dec 2026): after a burst larger than the store's cache a processor reads on its own,
     * and once caught up past a cache nobody refilled it stays so. An event committed then must reach it when it is
     * committed, not at the next slice of its wait: the slice here is an hour, the wait ten seconds.
     */
    @Test
    void aProcessorReadingOnItsOwnPastAStaleCacheSeesACommitAtOnce() throws Exception {
        PromptEventStore events = new PromptEventStore(EmbeddedEventStore.builder().storageEngine(store)
                                                                         .cachedEvents(10), Duration.ofHours(1));
        ExecutorService committer = Executors.newSingleThreadExecutor();
        try {
            TrackingToken start = lastToken();
            TrackingEventStream follower = events.openStream(start);
            assertThat(follower.hasNextAvailable(0, TimeUnit.SECONDS)).isFalse();
            events.publish(event(UUID.randomUUID().toString(), 0));
            assertThat(follower.hasNextAvailable(10, TimeUnit.SECONDS)).as("cached as it was committed").isTrue();
            follower.nextAvailable();
            follower.close();
            for (int i = 0; i < 12; i++) {
                events.publish(event(UUID.randomUUID().toString(), 0));
            }
            TrackingEventStream caughtUp = events.openStream(start);
            for (int read = 0; read < 13; read++) {
                caughtUp.nextAvailable();
            }
            assertThat(caughtUp.hasNextAvailable(0, TimeUnit.SECONDS)).isFalse();

            String last = UUID.randomUUID().toString();
            Future<Boolean> seen = committer.submit(() -> caughtUp.hasNextAvailable(10, TimeUnit.SECONDS));
            Thread.sleep(200);
            events.publish(event(last, 0));

            assertThat(seen.get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(((DomainEventMessage<?>) caughtUp.nextAvailable()).getAggregateIdentifier()).isEqualTo(last);
            caughtUp.close();
        } finally {
            committer.shutdownNow();
            events.shutDown();
        }
    }

    private TrackingToken lastToken() {
        List<? extends TrackedEventMessage<?>> all = readFrom(null);
        return all.isEmpty() ? null : all.get(all.size() - 1).trackingToken();
    }

    private List<? extends TrackedEventMessage<?>> readFrom(TrackingToken token) {
        return store.readEvents(token, false).toList();
    }

    private static List<String> aggregates(List<? extends TrackedEventMessage<?>> events) {
        return events.stream().map(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier()).toList();
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult((TransactionStatus status) -> work.run());
    }

    private static DomainEventMessage<String> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("TestAggregate", aggregate, sequence, "payload " + sequence);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
