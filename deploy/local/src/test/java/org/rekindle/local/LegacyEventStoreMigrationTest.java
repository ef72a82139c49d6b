package org.rekindle.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.rekindle.platform.eventstore.EventStoreTables;
import org.rekindle.local.LegacyEventStoreMigration.Outcome;
import org.rekindle.local.LegacyEventStoreMigration.Report;
import org.rekindle.platform.embedded.EmbeddedMongo;
import org.rekindle.platform.embedded.EmbeddedPostgresServer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The one-off copy of a pre-PostgreSQL {@code .rekindle-data} event store, end to end on real servers: events are
 * written into the MongoDB-wire server by axon-mongo's own {@link MongoEventStorageEngine} (as the services did before
 * this change), copied, and read back through Axon's {@link JdbcEventStorageEngine} configured like the services'.
 */
class LegacyEventStoreMigrationTest {

    private static final Instant BASE = Instant.parse("2025-03-01T09:00:00Z");
    private static final String AGGREGATE_TYPE = "Journal";

    private static EmbeddedMongo mongoServer;
    private static EmbeddedPostgresServer postgres;
    private static MongoClient mongo;
    /** What the services serialize events, snapshots and tokens with (Jackson, their defaultAxonObjectMapper). */
    private static JacksonSerializer serializer;

    @Revision("2")
    record NoteWritten(String clientId, int number, String text) {
    }

    record JournalState(String clientId, int notes) {
    }

    record PracticeOpened(String name) {
    }

    @BeforeAll
    static void startServers() {
        mongoServer = EmbeddedMongo.startInMemory(0);
        postgres = EmbeddedPostgresServer.startTemporary(0);
        mongo = MongoClients.create(mongoServer.connectionString());
        serializer = JacksonSerializer.builder().objectMapper(LegacyEventStoreMigration.axonObjectMapper()).build();
    }

    @AfterAll
    static void stopServers() {
        if (mongo != null) {
            mongo.close();
        }
        if (postgres != null) {
            postgres.stop();
        }
        if (mongoServer != null) {
            mongoServer.stop();
        }
    }

    @Test
    void copiesEveryEventWithItsIdSequenceNumberTimestampAndPayloadInGlobalOrder() throws Exception {
        String database = "journal_copy";
        String url = postgres.createDatabase(database);
        OldStore old = new OldStore(database);
        List<EventMessage<?>> written = old.writeHistory(300, BASE);
        EventMessage<?> practiceOpened = new GenericEventMessage<>(UUID.randomUUID().toString(),
                                                                   new PracticeOpened("Harbour"),
                                                                   MetaData.with("source", "admin"),
                                                                   BASE.plusMillis(3));
        old.engine.appendEvents(practiceOpened); // not from an aggregate: axon-mongo stores its id as aggregate id
        written.add(practiceOpened);
        old.engine.storeSnapshot(new GenericDomainEventMessage<>(AGGREGATE_TYPE, "client-0", 20,
                                                                 new JournalState("client-0", 21)));

        Report report = LegacyEventStoreMigration.copyIfNeeded(mongo, database, url, EmbeddedPostgresServer.USER);

        assertThat(report.outcome()).isEqualTo(Outcome.COPIED);
        assertThat(report.events()).isEqualTo(301);
        assertThat(report.copied()).isEqualTo(301);
        assertThat(report.snapshots()).isEqualTo(1);
        assertThat(report.heldBack()).isZero();

        List<String> globalOrder = inGlobalOrder(written);
        assertThat(globalOrder.subList(0, 7)).as("by timestamp; ties on the millisecond by aggregate id")
                                             .containsExactly(written.get(0).getIdentifier(),
                                                              written.get(1).getIdentifier(),
                                                              practiceOpened.getIdentifier(),
                                                              written.get(2).getIdentifier(),
                                                              written.get(3).getIdentifier(),
                                                              written.get(5).getIdentifier(), // client-0
                                                              written.get(4).getIdentifier()); // client-4
        JdbcEventStorageEngine copy = jdbcEngine(url);
        List<? extends TrackedEventMessage<?>> tracked = readAll(copy, null);
        assertThat(tracked).extracting(EventMessage::getIdentifier).containsExactlyElementsOf(globalOrder);
        Map<String, EventMessage<?>> byId = written.stream()
                                                   .collect(Collectors.toMap(EventMessage::getIdentifier, e -> e));
        for (TrackedEventMessage<?> event : tracked) {
            EventMessage<?> original = byId.get(event.getIdentifier());
            assertThat(event.getTimestamp()).isEqualTo(original.getTimestamp());
            assertThat(event.getPayload()).isEqualTo(original.getPayload());
            assertThat(event.getMetaData()).isEqualTo(original.getMetaData());
            if (original instanceof DomainEventMessage<?> domain) {
                DomainEventMessage<?> copied = (DomainEventMessage<?>) event;
                assertThat(copied.getAggregateIdentifier()).isEqualTo(domain.getAggregateIdentifier());
                assertThat(copied.getSequenceNumber()).isEqualTo(domain.getSequenceNumber());
                assertThat(copied.getType()).isEqualTo(AGGREGATE_TYPE);
            }
        }

        // Byte for byte: what axon-mongo stored, and what Axon's JDBC engine itself writes for the same payload.
        Map<String, Document> stored = new HashMap<>();
        old.events().find().forEach(document -> stored.put(document.getString("eventIdentifier"), document));
        List<Map<String, Object>> rows = rows(url, "SELECT event_identifier, aggregate_identifier, sequence_number, "
                                                   + "type, time_stamp, payload_type, payload_revision, payload, "
                                                   + "meta_data FROM domain_event_entry ORDER BY global_index");
        assertThat(rows).hasSize(301);
        for (Map<String, Object> row : rows) {
            Document document = stored.get((String) row.get("event_identifier"));
            assertThat(row.get("aggregate_identifier")).isEqualTo(document.getString("aggregateIdentifier"));
            assertThat(row.get("sequence_number")).isEqualTo(document.getLong("sequenceNumber"));
            assertThat(row.get("type")).isEqualTo(document.getString("type"));
            assertThat(row.get("time_stamp")).isEqualTo(document.getString("timestamp"));
            assertThat(row.get("payload_type")).isEqualTo(document.getString("payloadType"));
            assertThat(row.get("payload_revision")).isEqualTo(document.getString("payloadRevision"));
            assertThat((byte[]) row.get("payload")).isEqualTo(document.getString("serializedPayload")
                                                                      .getBytes(UTF_8));
            assertThat((byte[]) row.get("meta_data")).isEqualTo(document.getString("serializedMetaData")
                                                                        .getBytes(UTF_8));
            Object payload = byId.get((String) row.get("event_identifier")).getPayload();
            assertThat((byte[]) row.get("payload")).isEqualTo(serializer.serialize(payload, byte[].class).getData());
        }
        assertThat(rows.get(0).get("payload_revision")).isEqualTo("2");

        // An aggregate loads from the copy (by sequence number), and from its snapshot.
        List<? extends DomainEventMessage<?>> client1 = copy.readEvents("client-1").asStream().toList();
        assertThat(client1).extracting(DomainEventMessage::getIdentifier)
                           .containsExactlyElementsOf(written.stream()
                                                             .filter(e -> e instanceof DomainEventMessage<?> d
                                                                          && d.getAggregateIdentifier()
                                                                              .equals("client-1"))
                                                             .map(EventMessage::getIdentifier).toList());
        assertThat(client1).extracting(DomainEventMessage::getSequenceNumber)
                           .containsExactlyElementsOf(Stream.iterate(0L, n -> n + 1).limit(client1.size()).toList());
        DomainEventMessage<?> snapshot = copy.readSnapshot("client-0").orElseThrow();
        assertThat(snapshot.getSequenceNumber()).isEqualTo(20);
        assertThat(snapshot.getPayload()).isEqualTo(new JournalState("client-0", 21));

        // The service's own Flyway (Spring Boot's default location plus platform-eventstore's) finds the schema done.
        Flyway serviceFlyway = Flyway.configure().dataSource(url, EmbeddedPostgresServer.USER, "")
                                     .locations("classpath:db/migration", "classpath:db/eventstore").load();
        serviceFlyway.validate();
        assertThat(serviceFlyway.migrate().migrationsExecuted).isZero();

        // MongoDB is left as it was, with a marker saying the copy is done.
        assertThat(old.events().countDocuments()).isEqualTo(301);
        assertThat(old.database().getCollection("snapshotevents").countDocuments()).isEqualTo(1);
        Document marker = old.marker();
        assertThat(marker).isNotNull();
        assertThat(marker.get("events")).isEqualTo(301L);
    }

    @Test
    void aSecondStartDoesNothing() throws Exception {
        String database = "content_again";
        String url = postgres.createDatabase(database);
        OldStore old = new OldStore(database);
        List<EventMessage<?>> written = old.writeHistory(120, BASE);
        old.publisherHandledEverything(database + "-publisher", StreamableMessageSource::createTailToken);
        assertThat(old.publisherToken(database + "-publisher")).isInstanceOf(MongoTrackingToken.class);
        assertThat(LegacyEventStoreMigration.copyIfNeeded(mongo, database, url, EmbeddedPostgresServer.USER)
                                            .outcome()).isEqualTo(Outcome.COPIED);
        JdbcTokenStore tokenStore = jdbcTokenStore(url);
        assertThat(tokenStore.fetchToken(database + "-publisher", 0))
                .as("a plain MongoTrackingToken past every event: past every event, no gaps")
                .isEqualTo(GapAwareTrackingToken.newInstance(
                        globalIndexOf(url, inGlobalOrder(written).get(written.size() - 1)), List.of()));
        tokenStore.releaseClaim(database + "-publisher", 0);
        List<Map<String, Object>> events = rows(url, "SELECT * FROM domain_event_entry ORDER BY global_index");
        List<Map<String, Object>> tokens = rows(url, "SELECT processor_name, segment, token, token_type "
                                                     + "FROM token_entry");
        Document marker = old.marker();

        Report again = LegacyEventStoreMigration.copyIfNeeded(mongo, database, url, EmbeddedPostgresServer.USER);

        assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_DONE);
        assertThat(again.copied()).isZero();
        assertThat(rows(url, "SELECT * FROM domain_event_entry ORDER BY global_index"))
                .usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(events);
        assertThat(rows(url, "SELECT processor_name, segment, token, token_type FROM token_entry"))
                .usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(tokens);
        assertThat(old.marker()).isEqualTo(marker);
    }

    /**
     * The publisher's MongoTrackingToken becomes a GapAwareTrackingToken over the global index from which PostgreSQL
     * delivers exactly the events axon-mongo would have delivered next from the old token: nothing it published is
     * published again, nothing it had not published is skipped, including an event committed late inside axon-mongo's
     * look-back window (it lands below the new index, as a gap).
     */
    @Test
    void thePublisherResumesExactlyWhereItsOldTokenWas() throws Exception {
        String database = "journal_publisher";
        String publisher = database + "-publisher";
        String url = postgres.createDatabase(database);
        OldStore old = new OldStore(database);
        List<EventMessage<?>> published = old.writeHistory(200, BASE);
        old.publisherHandledEverything(publisher);
        Instant last = published.get(published.size() - 1).getTimestamp();
        // Committed after the publisher's last batch, stamped before its last event: inside the 1 s look-back
        // (axon-mongo delivers it), and outside it (axon-mongo never does: the known look-back limit).
        DomainEventMessage<?> lateInWindow = event("late-in-window", 0, 1, last.minusMillis(400));
        DomainEventMessage<?> lateOutsideWindow = event("late-outside-window", 0, 2, last.minusSeconds(5));
        old.engine.appendEvents(lateInWindow, lateOutsideWindow);
        // One per millisecond-tick: where axon-mongo's order (timestamp, sequence number) leaves ties to chance, the
        // two lists below could differ in order without either being wrong.
        List<EventMessage<?>> unpublished = new ArrayList<>(old.writeHistory(60, last.plusSeconds(3), 1));

        TrackingToken oldToken = old.publisherToken(publisher);
        // A processor reads from the position inside a ReplayToken (TrackingEventProcessor unwraps it the same way).
        List<String> mongoWouldDeliver = readAll(old.engine, WrappedToken.unwrapLowerBound(oldToken))
                .stream().map(EventMessage::getIdentifier).toList();
        assertThat(mongoWouldDeliver).as("axon-mongo's own next delivery from the old token")
                                     .contains(lateInWindow.getIdentifier())
                                     .doesNotContain(lateOutsideWindow.getIdentifier())
                                     .containsAll(unpublished.stream().map(EventMessage::getIdentifier).toList())
                                     .hasSize(61);

        Report report = LegacyEventStoreMigration.copyIfNeeded(mongo, database, url, EmbeddedPostgresServer.USER);

        assertThat(report.tokensCarriedOver()).containsExactly(publisher + "[0]");
        JdbcTokenStore tokens = jdbcTokenStore(url);
        TrackingToken carried = tokens.fetchToken(publisher, 0);
        tokens.releaseClaim(publisher, 0);
        // A tracking processor starts by default with a replay up to the head at its first start, and the old
        // publisher's token was still that ReplayToken (its reset point is "now", after these 2025 events).
        assertThat(oldToken).isInstanceOf(ReplayToken.class);
        assertThat(carried).isInstanceOf(ReplayToken.class);
        GapAwareTrackingToken current = (GapAwareTrackingToken) ((ReplayToken) carried).getCurrentToken();
        long lateIndex = globalIndexOf(url, lateInWindow.getIdentifier());
        assertThat(current.getGaps()).as("the late event inside the look-back, not yet published")
                                     .containsExactly(lateIndex);
        assertThat(current.getIndex()).isEqualTo(globalIndexOf(url, published.get(published.size() - 1)
                                                                             .getIdentifier()));

        JdbcEventStorageEngine copy = jdbcEngine(url);
        assertThat(readAll(copy, WrappedToken.unwrapLowerBound(carried))).extracting(EventMessage::getIdentifier)
                                          .containsExactlyElementsOf(mongoWouldDeliver);

        // And the way the service runs it: a tracking processor with the JDBC token store hands exactly those over.
        List<String> handled = new CopyOnWriteArrayList<>();
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(copy).build();
        TrackingEventProcessor processor = processor(publisher, eventStore, tokens, handled, null);
        try {
            processor.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() >= mongoWouldDeliver.size());
            Thread.sleep(500);
        } finally {
            processor.shutDown();
            eventStore.shutDown();
        }
        assertThat(handled).containsExactlyElementsOf(mongoWouldDeliver);
    }

    @Test
    void anInterruptedCopyIsResumedOnTheNextStart() throws Exception {
        String database = "plan_resume";
        String url = postgres.createDatabase(database);
        OldStore old = new OldStore(database);
        List<EventMessage<?>> written = old.writeHistory(1_300, BASE);
        LegacyEventStoreMigration.copyIfNeeded(mongo, database, url, EmbeddedPostgresServer.USER);
        // What a crash after the first batch leaves: one committed batch, nothing else, no marker.
        execute(url, "DELETE FROM domain_event_entry WHERE global_index > " + LegacyEventStoreMigration.BATCH);
        execute(url, "DELETE FROM snapshot_event_entry");
        execute(url, "DELETE FROM token_entry");
        old.database().getCollection(LegacyEventStoreMigration.MARKERS).deleteMany(new Document());

        Report report = LegacyEventStoreMigration.copyIfNeeded(mongo, database, url, EmbeddedPostgresServer.USER);

        assertThat(report.outcome()).isEqualTo(Outcome.COPIED);
        assertThat(report.copied()).isEqualTo(1_300 - LegacyEventStoreMigration.BATCH);
        assertThat(readAll(jdbcEngine(url), null)).extracting(EventMessage::getIdentifier)
                                                  .containsExactlyElementsOf(inGlobalOrder(written));
        assertThat(old.marker()).isNotNull();
    }

    @Test
    void refusesWhenPostgresAlreadyHoldsOtherEventsAndSaysWhatToDo() throws Exception {
        String database = "journal_refused";
        String url = postgres.createDatabase(database);
        OldStore old = new OldStore(database);
        old.writeHistory(50, BASE);
        LegacyEventStoreMigration.createSchema(url, EmbeddedPostgresServer.USER);
        jdbcEngine(url).appendEvents(event("written-on-postgres", 0, 1, Instant.now()));

        assertThatThrownBy(() -> LegacyEventStoreMigration.copyIfNeeded(mongo, database, url,
                                                                         EmbeddedPostgresServer.USER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'" + database + "'")
                .hasMessageContaining("already holds 1 events that are not a copy of MongoDB's")
                .hasMessageContaining("still holds about 50 events")
                .hasMessageContaining("Nothing was changed")
                .hasMessageContaining("-p " + postgres.port() + " -U postgres -d postgres -c 'DROP DATABASE \""
                                      + database + "\"'")
                .hasMessageContaining("mongosh " + mongoServer.connectionString() + " --eval 'db.getSiblingDB(\""
                                      + database + "\").migrations.insertOne({_id: \""
                                      + LegacyEventStoreMigration.MARKER_ID + "\", abandoned: true})'");
        assertThat(count(url, "SELECT count(*) FROM domain_event_entry")).isEqualTo(1);
        assertThat(count(url, "SELECT count(*) FROM token_entry")).isZero();
        assertThat(old.marker()).isNull();

        // Following the second choice: the MongoDB events stay where they are and the stack starts.
        old.database().getCollection(LegacyEventStoreMigration.MARKERS)
           .insertOne(new Document("_id", LegacyEventStoreMigration.MARKER_ID).append("abandoned", true));
        assertThat(LegacyEventStoreMigration.copyIfNeeded(mongo, database, url, EmbeddedPostgresServer.USER)
                                            .outcome()).isEqualTo(Outcome.ALREADY_DONE);
        assertThat(count(url, "SELECT count(*) FROM domain_event_entry")).isEqualTo(1);
        assertThat(old.events().countDocuments()).isEqualTo(50);
    }

    @Test
    void aDataFolderWithoutOldEventsHasNothingToCopy() throws Exception {
        String database = "content_fresh";
        String url = postgres.createDatabase(database);
        mongo.getDatabase(database).getCollection("trackingtokens").insertOne(new Document("processorName", "x"));

        Report report = LegacyEventStoreMigration.copyIfNeeded(mongo, database, url, EmbeddedPostgresServer.USER);

        assertThat(report.outcome()).isEqualTo(Outcome.NOTHING_TO_COPY);
        assertThat(count(url, "SELECT count(*) FROM pg_tables WHERE tablename = 'domain_event_entry'"))
                .as("PostgreSQL untouched: the service's Flyway creates the tables").isZero();
    }

    @Test
    void eachAggregateKeepsItsOrderWhenTheClockWentBack() throws Exception {
        String database = "plan_clock";
        String url = postgres.createDatabase(database);
        OldStore old = new OldStore(database);
        DomainEventMessage<?> x0 = event("x", 0, 0, BASE.plusMillis(10));
        DomainEventMessage<?> x1 = event("x", 1, 1, BASE.plusMillis(5)); // the clock stepped back 5 ms
        DomainEventMessage<?> x2 = event("x", 2, 2, BASE.plusMillis(20));
        DomainEventMessage<?> y0 = event("y", 0, 3, BASE.plusMillis(7));
        old.engine.appendEvents(x0, x1);
        old.engine.appendEvents(y0);
        old.engine.appendEvents(x2);

        Report report = LegacyEventStoreMigration.copyIfNeeded(mongo, database, url, EmbeddedPostgresServer.USER);

        assertThat(report.heldBack()).isEqualTo(1);
        List<? extends TrackedEventMessage<?>> copied = readAll(jdbcEngine(url), null);
        assertThat(copied).extracting(EventMessage::getIdentifier)
                          .containsExactly(y0.getIdentifier(), x0.getIdentifier(), x1.getIdentifier(),
                                           x2.getIdentifier());
        assertThat(copied.get(2).getTimestamp()).as("timestamps are kept as they were").isEqualTo(x1.getTimestamp());
    }

    // --- the old store, written as the services wrote it before this change ---------------------------------------

    private static final class OldStore {

        private final String name;
        private final DefaultMongoTemplate template;
        private final MongoEventStorageEngine engine;
        private final Map<String, Long> nextSequence = new HashMap<>();

        OldStore(String name) {
            this.name = name;
            this.template = DefaultMongoTemplate.builder().mongoDatabase(mongo, name).build();
            this.engine = MongoEventStorageEngine.builder()
                                                 .mongoTemplate(template)
                                                 .eventSerializer(serializer)
                                                 .snapshotSerializer(serializer)
                                                 .build();
        }

        /**
         * {@code count} events over five clients, {@code perTick} on each 7 ms tick (two: ties across aggregates),
         * appended by units of work of up to three events; returns them in the order they were appended.
         */
        List<EventMessage<?>> writeHistory(int count, Instant from) {
            return writeHistory(count, from, 2);
        }

        List<EventMessage<?>> writeHistory(int count, Instant from, int perTick) {
            List<EventMessage<?>> written = new ArrayList<>();
            List<EventMessage<?>> unitOfWork = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String client = "client-" + (i % 5);
                long sequence = nextSequence.merge(client, 1L, Long::sum) - 1;
                unitOfWork.add(event(client, sequence, i, from.plusMillis((i / perTick) * 7L)));
                if (unitOfWork.size() == 3 || i == count - 1) {
                    engine.appendEvents(unitOfWork);
                    written.addAll(unitOfWork);
                    unitOfWork = new ArrayList<>();
                }
            }
            return written;
        }

        /** The old publisher, a tracking processor over axon-mongo with its Mongo token store, catches up and stops. */
        void publisherHandledEverything(String processorName) {
            publisherHandledEverything(processorName, null);
        }

        void publisherHandledEverything(String processorName,
                                        Function<StreamableMessageSource<TrackedEventMessage<?>>, TrackingToken> from) {
            long stored = events().countDocuments();
            List<String> handled = new CopyOnWriteArrayList<>();
            EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
            TrackingEventProcessor processor = processor(processorName, eventStore, tokenStore(), handled, from);
            try {
                processor.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() == stored);
            } finally {
                processor.shutDown();
                eventStore.shutDown();
            }
        }

        TrackingToken publisherToken(String processorName) {
            MongoTokenStore tokens = tokenStore();
            TrackingToken token = tokens.fetchToken(processorName, 0);
            tokens.releaseClaim(processorName, 0);
            return token;
        }

        private MongoTokenStore tokenStore() {
            return MongoTokenStore.builder().mongoTemplate(template).serializer(serializer).build();
        }

        com.mongodb.client.MongoDatabase database() {
            return mongo.getDatabase(name);
        }

        MongoCollection<Document> events() {
            return database().getCollection("domainevents");
        }

        Document marker() {
            return database().getCollection(LegacyEventStoreMigration.MARKERS)
                             .find(Filters.eq("_id", LegacyEventStoreMigration.MARKER_ID)).first();
        }
    }

    private static DomainEventMessage<?> event(String client, long sequence, int number, Instant timestamp) {
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, client, sequence,
                                               new NoteWritten(client, number, "Entrée n°" + number + " ✓"),
                                               MetaData.with("traceId", "trace-" + number).and("userId", client),
                                               UUID.randomUUID().toString(), timestamp);
    }

    /** By timestamp, aggregate id (an event not from an aggregate has its own id there), sequence number. */
    private static List<String> inGlobalOrder(List<EventMessage<?>> events) {
        return events.stream()
                     .sorted(Comparator.comparing((EventMessage<?> e) -> DateTimeUtils.formatInstant(e.getTimestamp()))
                                       .thenComparing(e -> e instanceof DomainEventMessage<?> d
                                               ? d.getAggregateIdentifier() : e.getIdentifier())
                                       .thenComparingLong(e -> e instanceof DomainEventMessage<?> d
                                               ? d.getSequenceNumber() : 0))
                     .map(EventMessage::getIdentifier)
                     .toList();
    }

    /** A tracking processor as the services configure theirs; {@code from} null = Axon's default initial token. */
    private static TrackingEventProcessor processor(String name, EmbeddedEventStore source, TokenStore tokens,
                                                    List<String> handled,
                                                    Function<StreamableMessageSource<TrackedEventMessage<?>>,
                                                            TrackingToken> from) {
        TrackingEventProcessorConfiguration configuration =
                TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(100);
        if (from != null) {
            configuration = configuration.andInitialTrackingToken(from);
        }
        EventMessageHandler recorder = new EventMessageHandler() {
            @Override
            public Object handle(EventMessage<?> event) {
                handled.add(event.getIdentifier());
                return null;
            }

        };
        return TrackingEventProcessor.builder()
                                     .name(name)
                                     .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                                                                                   .eventHandlers(recorder).build())
                                     .messageSource(source)
                                     .tokenStore(tokens)
                                     .transactionManager(NoTransactionManager.INSTANCE)
                                     .trackingEventProcessorConfiguration(configuration)
                                     .build();
    }

    private static List<? extends TrackedEventMessage<?>> readAll(EventStorageEngine engine, TrackingToken from) {
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(from, false)) {
            return events.toList();
        }
    }

    // --- the new store, configured like platform-eventstore's PostgresEventStoreAutoConfiguration -----------------

    private static PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(EmbeddedPostgresServer.USER);
        return dataSource;
    }

    private static JdbcEventStorageEngine jdbcEngine(String url) {
        PGSimpleDataSource dataSource = dataSource(url);
        return JdbcEventStorageEngine.builder()
                                     .connectionProvider(dataSource::getConnection)
                                     .transactionManager(NoTransactionManager.INSTANCE)
                                     .eventSerializer(serializer)
                                     .snapshotSerializer(serializer)
                                     .schema(EventStoreTables.events())
                                     .dataType(byte[].class)
                                     .batchSize(100)
                                     .build();
    }

    private static JdbcTokenStore jdbcTokenStore(String url) {
        PGSimpleDataSource dataSource = dataSource(url);
        return JdbcTokenStore.builder()
                             .connectionProvider(dataSource::getConnection)
                             .serializer(serializer)
                             .schema(EventStoreTables.tokens())
                             .contentType(byte[].class)
                             .build();
    }

    private static long globalIndexOf(String url, String eventId) throws SQLException {
        return (Long) rows(url, "SELECT global_index FROM domain_event_entry WHERE event_identifier = '" + eventId
                                + "'").get(0).get("global_index");
    }

    private static long count(String url, String sql) throws SQLException {
        return ((Number) rows(url, sql).get(0).values().iterator().next()).longValue();
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = dataSource(url).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<Map<String, Object>> rows(String url, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection connection = dataSource(url).getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
