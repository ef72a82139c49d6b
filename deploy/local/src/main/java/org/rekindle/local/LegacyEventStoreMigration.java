package org.rekindle.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.bson.types.Binary;
import org.flywaydb.core.Flyway;
import org.rekindle.platform.axon.AxonObjectMapperAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One-off copy of an event store written before the event stores moved to PostgreSQL: axon-mongo's collections
 * {@code domainevents} and {@code snapshotevents} (and the publisher's {@code trackingtokens} document) of one
 * service's MongoDB database, into that service's PostgreSQL database, before any service starts. Nothing in MongoDB
 * is changed or deleted; when the copy is complete and verified, a marker document
 * ({@code migrations/axon-event-store-copied-to-postgresql}) says so, and later starts do nothing.
 *
 * <h2>What is copied, and how exactly</h2>
 * <ul>
 * <li><b>Every domain event</b>, with the same event identifier, aggregate identifier, sequence number, aggregate type,
 * timestamp (the same ISO-8601 text: both engines write Axon's {@code DateTimeUtils.formatInstant}), payload type,
 * payload revision, payload and metadata. Both engines serialize with Axon's JacksonSerializer: axon-mongo stores the
 * JSON as text (JacksonSerializer cannot write a DBObject), Axon's JDBC engine stores the same JSON as bytes (bytea),
 * so the payload in PostgreSQL is the stored text's UTF-8 bytes, which is what the JDBC engine writes for the same
 * event.</li>
 * <li><b>In global order</b>: by timestamp, then aggregate identifier, then sequence number (axon-mongo's tracking
 * read by timestamp and sequence number). The global index is assigned by PostgreSQL in that order. One correction:
 * if the clock went backwards inside one aggregate, a later sequence number with an earlier timestamp is held back
 * until its predecessor is written, so every aggregate's events keep their order in the global index (the publisher
 * sends in global-index order, and consumers rely on per-client order).</li>
 * <li>In batches of {@value #BATCH} events, one transaction each. A copy that is interrupted (crash, Ctrl-C) is
 * resumed on the next start: what PostgreSQL holds must then be exactly the first events of the same order.</li>
 * <li><b>Verified</b> before it is marked done: as many events in PostgreSQL as in MongoDB, every PostgreSQL event id
 * one of MongoDB's (the table's unique key does the rest), and a SHA-256 over every field of every event in global
 * order, computed on what was read from MongoDB and on what PostgreSQL returns, must match.</li>
 * <li><b>Snapshots</b>: axon-mongo keeps one per aggregate (the latest); each is copied as it is. They could be
 * rebuilt, but copying them keeps loading a long history cheap from the first command.</li>
 * <li><b>The publisher's token</b> ({@code <database>-publisher}): its MongoTrackingToken is translated into the
 * GapAwareTrackingToken that covers exactly the same events (inside the ReplayToken a tracking processor starts with
 * by default, both positions are translated and the ReplayToken kept). The old token (timestamp T, ids of the events it
 * handled in its last second) meant: the next fetch reads every event with a timestamp at or after T minus the
 * look-back (axon-mongo's default, 1 s, which the services used) whose id is not one of those ids. So an event is
 * covered if its timestamp is before T - 1 s or its id is in the token; the new token's index is the highest global
 * index of a covered event, and its gaps are the uncovered events below that index. From that token the publisher
 * delivers exactly the events MongoDB would have delivered next (the test checks this against axon-mongo itself),
 * so nothing already published is sent again, and nothing is sent with a new id. The token is serialized with the
 * services' own Axon serializer (JacksonSerializer with their {@code defaultAxonObjectMapper}).
 * <br>Known limit, inherited: an event committed more than 1 s after a later-stamped event was already handled fell
 * outside axon-mongo's look-back window and was never delivered by the old publisher (AxonFramework #692/#708); the
 * carried-over token keeps it behind, as MongoDB would have. To send every event again instead (the same ids, so
 * consumers drop the ones they have): stop the stack, delete the publisher's row from {@code token_entry}, start
 * again.</li>
 * <li><b>Other tokens are not carried over</b>: the read-model processors over the event store start from the
 * beginning and rebuild (their projections are idempotent upserts, and their collections may have changed shape with
 * this release). A publisher token of any other shape (a replay with a reset context, a merged or multi-source
 * token) is left behind too, and so is a segment with no position yet: that publisher then sends everything again,
 * with the same ids. Tokens of processors fed from Kafka stay where they are, in MongoDB's {@code trackingtokens},
 * untouched.</li>
 * </ul>
 *
 * <h2>When it refuses</h2>
 * If PostgreSQL already holds events that are not a copy of MongoDB's while MongoDB still holds events never copied,
 * it changes nothing and throws {@link Refusal}, whose message says exactly what to do (keep one side or the other).
 */
final class LegacyEventStoreMigration {

    private static final Logger log = LoggerFactory.getLogger(LegacyEventStoreMigration.class);

    static final String EVENTS = "domainevents";
    static final String SNAPSHOTS = "snapshotevents";
    static final String TOKENS = "trackingtokens";
    static final String MARKERS = "migrations";
    static final String MARKER_ID = "axon-event-store-copied-to-postgresql";
    static final String EVENT_STORE_MIGRATIONS = "classpath:db/eventstore";
    static final int BATCH = 500;

    /** axon-mongo's default look-back ({@code AbstractMongoEventStorageStrategy}); the services never changed it. */
    static final Duration OLD_LOOK_BACK = Duration.ofMillis(1000);
    static final String MONGO_TRACKING_TOKEN =
            "org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken";
    static final String REPLAY_TOKEN = ReplayToken.class.getName();

    // axon-mongo's field names (EventEntryConfiguration defaults) and MongoTokenStore's.
    private static final String TIMESTAMP = "timestamp";
    private static final String EVENT_ID = "eventIdentifier";
    private static final String AGGREGATE_ID = "aggregateIdentifier";
    private static final String SEQUENCE = "sequenceNumber";
    private static final String TYPE = "type";
    private static final String PAYLOAD_TYPE = "payloadType";
    private static final String PAYLOAD_REVISION = "payloadRevision";
    private static final String PAYLOAD = "serializedPayload";
    private static final String META_DATA = "serializedMetaData";

    private static final String COLUMNS = "event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
                                          + "payload_type, payload_revision, payload, meta_data";

    enum Outcome {
        /** MongoDB holds no events for this database (a fresh data folder, or a service without an event store). */
        NOTHING_TO_COPY,
        /** Copied on an earlier start (or left behind on purpose): nothing was done. */
        ALREADY_DONE,
        /** Copied and verified now. */
        COPIED
    }

    /**
     * @param events            events in MongoDB ({@code domainevents})
     * @param copied            events written to PostgreSQL by this call (fewer than {@code events} when an
     *                          interrupted copy was resumed)
     * @param snapshots         snapshots in MongoDB, all present in PostgreSQL
     * @param heldBack          events written later than their timestamp says, to keep their aggregate's order
     * @param tokensCarriedOver processor names whose position was carried over to {@code token_entry}
     * @param tokensLeftBehind  processor names (with the reason) that will start from the beginning
     */
    record Report(String database, Outcome outcome, long events, long copied, long snapshots, long heldBack,
                  List<String> tokensCarriedOver, List<String> tokensLeftBehind, Duration took) {

        @Override
        public String toString() {
            return switch (outcome) {
                case NOTHING_TO_COPY -> database + ": no events in MongoDB, nothing to copy";
                case ALREADY_DONE -> database + ": nothing to do, the old events were copied to PostgreSQL on an "
                                     + "earlier start (or left in MongoDB on purpose)";
                case COPIED -> database + ": copied " + copied + " of " + events + " events (all " + events
                               + " verified), " + snapshots + " snapshots from MongoDB to PostgreSQL in "
                               + took.toMillis() + " ms" + (heldBack > 0 ? "; " + heldBack + " event(s) placed "
                               + "after their aggregate's earlier ones (the clock had gone back)" : "")
                               + (tokensCarriedOver.isEmpty() ? "" : "; position carried over for "
                               + tokensCarriedOver) + (tokensLeftBehind.isEmpty() ? "" : "; starting from the "
                               + "beginning (same event ids): " + tokensLeftBehind);
            };
        }
    }

    /** Nothing was changed: PostgreSQL and MongoDB hold different events. The message says what to do. */
    static final class Refusal extends IllegalStateException {
        Refusal(String message) {
            super(message);
        }
    }

    private LegacyEventStoreMigration() {
    }

    /** A token this copy cannot translate exactly; its processor starts from the beginning. */
    private static final class Untranslatable extends Exception {
        Untranslatable(String what) {
            super(what);
        }
    }

    /**
     * Copies the old MongoDB event store of {@code database} into the PostgreSQL database at {@code jdbcUrl} (creating
     * the event store's tables with Flyway first) unless it was done before; carries over the position of the
     * processor {@code <database>-publisher}. Call it before the service starts.
     *
     * @throws Refusal if PostgreSQL already holds other events while MongoDB holds events never copied
     */
    static Report copyIfNeeded(MongoClient mongo, String database, String jdbcUrl, String user) {
        return copyIfNeeded(mongo, database, jdbcUrl, user, Set.of(database + "-publisher"));
    }

    /** As {@link #copyIfNeeded(MongoClient, String, String, String)}, carrying over the given processors' positions. */
    static Report copyIfNeeded(MongoClient mongo, String database, String jdbcUrl, String user,
                               Set<String> carryPositionOf) {
        long started = System.nanoTime();
        MongoDatabase source = mongo.getDatabase(database);
        MongoCollection<Document> events = source.getCollection(EVENTS);
        if (!collectionExists(source, EVENTS) || events.find().limit(1).first() == null) {
            return report(database, Outcome.NOTHING_TO_COPY, started);
        }
        Document marker = source.getCollection(MARKERS).find(Filters.eq("_id", MARKER_ID)).first();
        if (marker != null && marker.getBoolean("abandoned", false)) {
            return report(database, Outcome.ALREADY_DONE, started);
        }
        if (marker != null && holdsEvents(jdbcUrl, user)) {
            return report(database, Outcome.ALREADY_DONE, started); // every later start: no Flyway run, one count
        }
        createSchema(jdbcUrl, user);
        try (Connection postgres = DriverManager.getConnection(jdbcUrl, user, "")) {
            long inPostgres = count(postgres, "SELECT count(*) FROM domain_event_entry");
            if (marker != null) {
                if (inPostgres > 0) {
                    return report(database, Outcome.ALREADY_DONE, started);
                }
                log.warn("{}: the events were copied to PostgreSQL on an earlier start, but its event store ({}) is "
                         + "empty now; copying them again from MongoDB", database, jdbcUrl);
            }
            return new Copy(mongo, source, database, jdbcUrl, user, postgres, inPostgres, carryPositionOf, started)
                    .run();
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": copying the old event store to PostgreSQL (" + jdbcUrl
                                            + ") failed; nothing is lost (MongoDB is unchanged) and the copy resumes "
                                            + "on the next start: " + e.getMessage(), e);
        }
    }

    private static boolean holdsEvents(String jdbcUrl, String user) {
        try (Connection postgres = DriverManager.getConnection(jdbcUrl, user, "")) {
            return count(postgres, "SELECT count(*) FROM (SELECT 1 FROM domain_event_entry LIMIT 1) AS probe") > 0;
        } catch (SQLException e) {
            return false; // no table yet: a new PostgreSQL data folder
        }
    }

    /** The event store's tables, exactly as the service's own Flyway run creates them (it then finds them done). */
    static void createSchema(String jdbcUrl, String user) {
        Flyway.configure(LegacyEventStoreMigration.class.getClassLoader())
              .dataSource(jdbcUrl, user, "")
              .locations(EVENT_STORE_MIGRATIONS)
              .load()
              .migrate();
    }

    /** The object mapper of the services' Axon serializer: tokens are read and written exactly as they do. */
    static ObjectMapper axonObjectMapper() {
        return new AxonObjectMapperAutoConfiguration().defaultAxonObjectMapper();
    }

    private static Report report(String database, Outcome outcome, long started) {
        return new Report(database, outcome, 0, 0, 0, 0, List.of(), List.of(),
                          Duration.ofNanos(System.nanoTime() - started));
    }

    private static boolean collectionExists(MongoDatabase database, String name) {
        for (String existing : database.listCollectionNames()) {
            if (existing.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** One event as both stores hold it. */
    private record Row(String eventId, String aggregateId, long sequence, String type, String timestamp,
                       String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {

        static Row of(Document document) {
            String eventId = document.getString(EVENT_ID);
            byte[] payload = bytes(document.get(PAYLOAD), "the payload of event " + eventId);
            if (payload == null) {
                throw new IllegalStateException("Event " + eventId + " has no payload in MongoDB");
            }
            return new Row(eventId, document.getString(AGGREGATE_ID),
                           ((Number) document.get(SEQUENCE)).longValue(), document.getString(TYPE),
                           document.getString(TIMESTAMP), document.getString(PAYLOAD_TYPE),
                           document.getString(PAYLOAD_REVISION), payload,
                           bytes(document.get(META_DATA), "the metadata of event " + eventId));
        }

        static Row of(ResultSet rows) throws SQLException {
            return new Row(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getString(4),
                           rows.getString(5), rows.getString(6), rows.getString(7), rows.getBytes(8),
                           rows.getBytes(9));
        }

        void bind(PreparedStatement insert) throws SQLException {
            insert.setString(1, eventId);
            insert.setString(2, aggregateId);
            insert.setLong(3, sequence);
            insert.setString(4, type);
            insert.setString(5, timestamp);
            insert.setString(6, payloadType);
            insert.setString(7, payloadRevision);
            insert.setBytes(8, payload);
            insert.setBytes(9, metaData);
        }

        void feed(MessageDigest digest) {
            feedText(digest, eventId);
            feedText(digest, aggregateId);
            feedBytes(digest, Long.toString(sequence).getBytes(StandardCharsets.US_ASCII));
            feedText(digest, type);
            feedText(digest, timestamp);
            feedText(digest, payloadType);
            feedText(digest, payloadRevision);
            feedBytes(digest, payload);
            feedBytes(digest, metaData);
        }

        private static void feedText(MessageDigest digest, String text) {
            feedBytes(digest, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
        }

        private static void feedBytes(MessageDigest digest, byte[] bytes) {
            int length = bytes == null ? -1 : bytes.length;
            digest.update(new byte[]{(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                                     (byte) length});
            if (bytes != null) {
                digest.update(bytes);
            }
        }
    }

    /**
     * The JSON text axon-mongo stored (JacksonSerializer serializes to String for it), as the bytes Axon's JDBC engine
     * stores for the same event; bytes if they were stored as bytes.
     */
    private static byte[] bytes(Object stored, String what) {
        if (stored == null) {
            return null;
        }
        if (stored instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (stored instanceof Binary binary) {
            return binary.getData();
        }
        if (stored instanceof byte[] raw) {
            return raw;
        }
        throw new IllegalStateException(what + " is stored as " + stored.getClass().getName() + "; only the JSON "
                                        + "text or bytes that Axon's JacksonSerializer writes can be copied");
    }

    /** One copy run, for one database. */
    private static final class Copy {

        private final MongoClient mongo;
        private final MongoDatabase source;
        private final String database;
        private final String jdbcUrl;
        private final String user;
        private final Connection postgres;
        private final long alreadyInPostgres;
        private final Set<String> carryPositionOf;
        private final long started;

        private final MessageDigest digest = sha256();
        private long emitted;
        private long copied;
        private long heldBack;
        private List<String> idsInPostgres = List.of();
        private final List<Row> batch = new ArrayList<>(BATCH);
        private final Set<String> eventIds = new HashSet<>();

        Copy(MongoClient mongo, MongoDatabase source, String database, String jdbcUrl, String user,
             Connection postgres, long alreadyInPostgres, Set<String> carryPositionOf, long started) {
            this.mongo = mongo;
            this.source = source;
            this.database = database;
            this.jdbcUrl = jdbcUrl;
            this.user = user;
            this.postgres = postgres;
            this.alreadyInPostgres = alreadyInPostgres;
            this.carryPositionOf = carryPositionOf;
            this.started = started;
        }

        Report run() throws SQLException {
            MongoCollection<Document> events = source.getCollection(EVENTS);
            if (alreadyInPostgres > 0) {
                idsInPostgres = idsInGlobalOrder();
            }
            log.info("{}: copying about {} events from MongoDB to PostgreSQL ({}){}", database,
                     events.estimatedDocumentCount(), jdbcUrl,
                     alreadyInPostgres > 0 ? ", resuming after the " + alreadyInPostgres + " copied before" : "");
            postgres.setAutoCommit(false);
            try {
                copyEvents(events);
                String checksum = verify();
                List<String> carried = new ArrayList<>();
                List<String> leftBehind = new ArrayList<>();
                long snapshots = copySnapshotsAndTokens(carried, leftBehind);
                postgres.commit();
                verifySnapshots();
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                source.getCollection(MARKERS).replaceOne(
                        Filters.eq("_id", MARKER_ID),
                        new Document("_id", MARKER_ID).append("copiedAt", Date.from(Instant.now()))
                                                      .append("to", jdbcUrl)
                                                      .append("events", emitted)
                                                      .append("snapshots", snapshots)
                                                      .append("sha256", checksum)
                                                      .append("positionsCarriedOver", carried)
                                                      .append("note", "The events of " + EVENTS + " and "
                                                                      + SNAPSHOTS + " are in PostgreSQL now and "
                                                                      + "no longer read here; kept, never deleted."),
                        new ReplaceOptions().upsert(true));
                Report report = new Report(database, Outcome.COPIED, emitted, copied, snapshots, heldBack,
                                           List.copyOf(carried), List.copyOf(leftBehind), took);
                log.info("{}", report);
                return report;
            } catch (SQLException | RuntimeException e) {
                postgres.rollback();
                throw e;
            }
        }

        /**
         * One pass over MongoDB in global order (the server sorts; on the MongoDB-wire server each pass over a big
         * event store costs seconds per ten thousand events, so there is only this one and the one for snapshots).
         * Every aggregate's events go out in sequence order: one whose predecessor has not come yet waits for it.
         */
        private void copyEvents(MongoCollection<Document> events) throws SQLException {
            Map<String, Long> next = new HashMap<>();
            Map<String, TreeMap<Long, Row>> waiting = new HashMap<>();
            try (PreparedStatement insert = postgres.prepareStatement(
                    "INSERT INTO domain_event_entry (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?)");
                 MongoCursor<Document> cursor = events.find()
                                                      .sort(Sorts.ascending(TIMESTAMP, AGGREGATE_ID, SEQUENCE))
                                                      .batchSize(BATCH).iterator()) {
                while (cursor.hasNext()) {
                    Row row = Row.of(cursor.next());
                    long expected = next.getOrDefault(row.aggregateId(), 0L);
                    if (row.sequence() == expected) {
                        emit(row, insert);
                        expected++;
                        TreeMap<Long, Row> held = waiting.get(row.aggregateId());
                        while (held != null && held.containsKey(expected)) {
                            emit(held.remove(expected), insert);
                            expected++;
                        }
                        next.put(row.aggregateId(), expected);
                    } else {
                        waiting.computeIfAbsent(row.aggregateId(), aggregate -> new TreeMap<>())
                               .put(row.sequence(), row);
                        heldBack++;
                    }
                }
                // Sequence numbers start at 0 and have no holes in Axon; should an aggregate's not, its events still
                // go in, in their order, after all the others.
                List<String> incomplete = new ArrayList<>();
                for (Map.Entry<String, TreeMap<Long, Row>> held : waiting.entrySet()) {
                    if (!held.getValue().isEmpty()) {
                        incomplete.add(held.getKey());
                        for (Row row : held.getValue().values()) {
                            emit(row, insert);
                        }
                    }
                }
                if (!incomplete.isEmpty()) {
                    log.warn("{}: the sequence numbers of aggregates {} do not start at 0 or have holes; their "
                             + "events were placed after all others, in sequence order", database, incomplete);
                }
                flush(insert);
            }
            if (emitted < alreadyInPostgres) {
                throw refusal();
            }
        }

        private void emit(Row row, PreparedStatement insert) throws SQLException {
            if (!eventIds.add(row.eventId())) {
                throw new IllegalStateException(database + ": MongoDB's " + EVENTS + " holds event " + row.eventId()
                                                + " more than once; PostgreSQL keeps event ids unique. Nothing was "
                                                + "marked as copied.");
            }
            if (emitted < alreadyInPostgres) {
                // An interrupted copy: PostgreSQL must hold exactly the first events of this same order. Nothing is
                // written before this is known.
                if (!idsInPostgres.get((int) emitted).equals(row.eventId())) {
                    throw refusal();
                }
            } else {
                batch.add(row);
                if (batch.size() == BATCH) {
                    flush(insert);
                }
            }
            row.feed(digest);
            emitted++;
        }

        private void flush(PreparedStatement insert) throws SQLException {
            if (batch.isEmpty()) {
                return;
            }
            for (Row row : batch) {
                row.bind(insert);
                insert.addBatch();
            }
            insert.executeBatch();
            postgres.commit();
            long before = alreadyInPostgres + copied;
            copied += batch.size();
            batch.clear();
            if ((alreadyInPostgres + copied) / 10_000 > before / 10_000) {
                log.info("{}: {} events copied", database, alreadyInPostgres + copied);
            }
        }

        private List<String> idsInGlobalOrder() throws SQLException {
            List<String> ids = new ArrayList<>();
            boolean autoCommit = postgres.getAutoCommit();
            postgres.setAutoCommit(false); // a cursor, not the whole table in memory at once
            try (PreparedStatement query = postgres.prepareStatement(
                    "SELECT event_identifier FROM domain_event_entry ORDER BY global_index")) {
                query.setFetchSize(5_000);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            } finally {
                postgres.commit();
                postgres.setAutoCommit(autoCommit);
            }
            return ids;
        }

        /** Every event, every field, in global order: what PostgreSQL returns must be what was read from MongoDB. */
        private String verify() throws SQLException {
            MessageDigest stored = sha256();
            long rows = 0;
            List<String> unknown = new ArrayList<>();
            try (PreparedStatement query = postgres.prepareStatement(
                    "SELECT " + COLUMNS + " FROM domain_event_entry ORDER BY global_index")) {
                query.setFetchSize(BATCH);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        Row row = Row.of(result);
                        if (!eventIds.contains(row.eventId()) && unknown.size() < 10) {
                            unknown.add(row.eventId());
                        }
                        row.feed(stored);
                        rows++;
                    }
                }
            }
            postgres.commit();
            String expected = HexFormat.of().formatHex(digest.digest());
            String actual = HexFormat.of().formatHex(stored.digest());
            if (rows != emitted || !unknown.isEmpty() || !expected.equals(actual)) {
                throw new IllegalStateException(
                        database + ": the copy in PostgreSQL (" + jdbcUrl + ") does not match MongoDB: " + rows
                        + " events in PostgreSQL, " + emitted + " in MongoDB" + (unknown.isEmpty() ? ""
                        : ", ids not in MongoDB: " + unknown) + (expected.equals(actual) ? ""
                        : ", contents or order differ") + ". Nothing was marked as copied and MongoDB is "
                        + "unchanged: drop the PostgreSQL database '" + database + "' and start again.");
            }
            return actual;
        }

        private long copySnapshotsAndTokens(List<String> carried, List<String> leftBehind) throws SQLException {
            long snapshots = 0;
            if (collectionExists(source, SNAPSHOTS)) {
                try (PreparedStatement insert = postgres.prepareStatement(
                        "INSERT INTO snapshot_event_entry (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?) "
                        + "ON CONFLICT DO NOTHING");
                     MongoCursor<Document> cursor = source.getCollection(SNAPSHOTS).find().batchSize(BATCH)
                                                          .iterator()) {
                    while (cursor.hasNext()) {
                        Row.of(cursor.next()).bind(insert);
                        insert.addBatch();
                        snapshots++;
                    }
                    insert.executeBatch();
                }
            }
            if (collectionExists(source, TOKENS)) {
                try (MongoCursor<Document> cursor = source.getCollection(TOKENS)
                                                          .find(Filters.in("processorName", carryPositionOf))
                                                          .iterator()) {
                    while (cursor.hasNext()) {
                        Document token = cursor.next();
                        String name = token.getString("processorName") + "[" + token.get("segment") + "]";
                        if (token.get("token") == null) {
                            leftBehind.add(name + " (no position yet)");
                            continue;
                        }
                        try {
                            carryOver(token);
                            carried.add(name);
                        } catch (Untranslatable e) {
                            leftBehind.add(name + " (" + e.getMessage() + ")");
                        }
                    }
                }
            }
            return snapshots;
        }

        /** The old position as a token over the global index that covers exactly the same events. */
        private void carryOver(Document stored) throws SQLException, Untranslatable {
            String processor = stored.getString("processorName");
            ObjectMapper json = axonObjectMapper();
            JsonNode old;
            try {
                old = json.readTree(bytes(stored.get("token"), "the token of " + processor));
            } catch (IOException e) {
                throw new Untranslatable("an unreadable token: " + e.getMessage());
            }
            TrackingToken position = translate(stored.getString("tokenType"), old, json);
            byte[] token = null;
            String tokenType = null;
            if (position != null) {
                SerializedObject<byte[]> serialized = JacksonSerializer.builder().objectMapper(json).build()
                                                                       .serialize(position, byte[].class);
                token = serialized.getData();
                tokenType = serialized.getType().getName();
            }
            try (PreparedStatement upsert = postgres.prepareStatement(
                    "INSERT INTO token_entry (processor_name, segment, token, token_type, timestamp, owner) "
                    + "VALUES (?,?,?,?,?,NULL) ON CONFLICT (processor_name, segment) DO UPDATE SET "
                    + "token = EXCLUDED.token, token_type = EXCLUDED.token_type, timestamp = EXCLUDED.timestamp, "
                    + "owner = NULL")) {
                upsert.setString(1, processor);
                upsert.setInt(2, ((Number) stored.get("segment")).intValue());
                upsert.setBytes(3, token);
                upsert.setString(4, tokenType);
                upsert.setString(5, DateTimeUtils.formatInstant(Instant.now()));
                upsert.executeUpdate();
            }
            log.info("{}: {}[{}] carries on from {}", database, processor, stored.get("segment"), position);
        }

        /**
         * A MongoTrackingToken becomes the GapAwareTrackingToken covering the same events; a ReplayToken (what a
         * tracking processor starts with by default: a replay up to the head at its first start) keeps its shape,
         * with both of its positions translated.
         */
        private TrackingToken translate(String type, JsonNode token, ObjectMapper json)
                throws SQLException, Untranslatable {
            if (token == null || token.isNull()) {
                return null;
            }
            if (MONGO_TRACKING_TOKEN.equals(type)) {
                return gapAware(token, json);
            }
            if (REPLAY_TOKEN.equals(type)) {
                JsonNode context = token.has("context") ? token.get("context") : token.get("resetContext");
                if (context != null && !context.isNull()) {
                    throw new Untranslatable("a replay with a reset context");
                }
                JsonNode atReset = token.get("tokenAtReset");
                JsonNode current = token.get("currentToken");
                return ReplayToken.createReplayToken(translate(typeOf(atReset), atReset, json),
                                                     translate(typeOf(current), current, json));
            }
            throw new Untranslatable("a " + type);
        }

        private static String typeOf(JsonNode token) {
            return token == null || token.isNull() ? null : token.path("@class").asText(null);
        }

        /**
         * axon-mongo's next fetch from a MongoTrackingToken (timestamp T, recently handled ids) reads every event with
         * {@code timestamp >= formatInstant(T - lookBack)} whose id is not in the token (MongoDB compares the text;
         * the fixed-width format makes that the time order). Every other event is covered.
         */
        private GapAwareTrackingToken gapAware(JsonNode token, ObjectMapper json) throws SQLException {
            Instant timestamp = json.convertValue(token.get("timestamp"), Instant.class);
            Set<String> handled = new HashSet<>();
            JsonNode tracked = token.get("trackedEvents");
            if (tracked != null) {
                tracked.fieldNames().forEachRemaining(handled::add);
            }
            String lookBackFrom = DateTimeUtils.formatInstant(timestamp.minus(OLD_LOOK_BACK));
            long index = -1;
            TreeSet<Long> notCovered = new TreeSet<>();
            try (PreparedStatement query = postgres.prepareStatement(
                    "SELECT global_index, event_identifier, time_stamp FROM domain_event_entry "
                    + "ORDER BY global_index")) {
                query.setFetchSize(5_000);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        long globalIndex = rows.getLong(1);
                        if (rows.getString(3).compareTo(lookBackFrom) < 0 || handled.contains(rows.getString(2))) {
                            index = globalIndex;
                        } else {
                            notCovered.add(globalIndex);
                        }
                    }
                }
            }
            return index < 0 ? null : GapAwareTrackingToken.newInstance(index, notCovered.headSet(index));
        }

        private void verifySnapshots() throws SQLException {
            if (!collectionExists(source, SNAPSHOTS)) {
                return;
            }
            Set<String> inPostgres = new HashSet<>();
            try (PreparedStatement query = postgres.prepareStatement(
                    "SELECT event_identifier FROM snapshot_event_entry");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    inPostgres.add(rows.getString(1));
                }
            }
            postgres.commit();
            List<String> missing = new ArrayList<>();
            try (MongoCursor<Document> cursor = source.getCollection(SNAPSHOTS).find()
                                                      .projection(Projections.include(EVENT_ID)).iterator()) {
                while (cursor.hasNext()) {
                    String id = cursor.next().getString(EVENT_ID);
                    if (!inPostgres.contains(id)) {
                        missing.add(id);
                    }
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException(database + ": snapshots missing in PostgreSQL after the copy: "
                                                + missing + "; nothing was marked as copied");
            }
        }

        private Refusal refusal() {
            String mongoAddress = mongoAddress();
            Matcher server = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/").matcher(jdbcUrl);
            String psql = server.find()
                    ? "psql -h " + server.group(1) + (server.group(2) == null ? "" : " -p " + server.group(2))
                      + " -U " + user + " -d postgres -c 'DROP DATABASE \"" + database + "\"'"
                    : "DROP DATABASE \"" + database + "\" on " + jdbcUrl;
            return new Refusal(
                    "The old event store of '" + database + "' cannot be copied to PostgreSQL: PostgreSQL ("
                    + jdbcUrl + ") already holds " + alreadyInPostgres + " events that are not a copy of MongoDB's, "
                    + "while MongoDB database '" + database + "' still holds about "
                    + source.getCollection(EVENTS).estimatedDocumentCount() + " events in '" + EVENTS + "' that "
                    + "were never copied. Nothing was changed. Stop the stack, choose one, and start again:\n"
                    + "  1. Keep the MongoDB events (the " + alreadyInPostgres + " events in PostgreSQL are deleted): "
                    + "drop the PostgreSQL database, e.g.\n       " + psql + "\n"
                    + "     The stack creates it again on start and copies the MongoDB events into it.\n"
                    + "  2. Keep the PostgreSQL events (the MongoDB ones stay where they are, unused, not deleted): "
                    + "record that in MongoDB, e.g.\n       mongosh " + mongoAddress + " --eval 'db.getSiblingDB(\""
                    + database + "\")." + MARKERS + ".insertOne({_id: \"" + MARKER_ID + "\", abandoned: true})'");
        }

        private String mongoAddress() {
            List<ServerAddress> hosts = mongo.getClusterDescription().getClusterSettings().getHosts();
            return hosts.isEmpty() ? "<mongodb address>" : "mongodb://" + hosts.get(0).getHost() + ":"
                                                            + hosts.get(0).getPort();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
