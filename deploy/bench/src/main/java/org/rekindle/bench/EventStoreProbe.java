package org.rekindle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rekindle.platform.embedded.EmbeddedPostgresServer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a service's event store on PostgreSQL over JDBC, as an operator would: events stored, events its publisher
 * maps to integration events, the position (global index) each event-store processor's token has reached, and when
 * events were stored. One connection, autocommit; reads only.
 */
final class EventStoreProbe implements AutoCloseable {

    /** Domain events the journal publisher stores but never publishes (JournalIntegrationEvents maps them to none). */
    private static final String NOT_PUBLISHED = "payload_type NOT LIKE '%.JournalOpened' "
                                                + "AND payload_type NOT LIKE '%.SharedEntriesRead'";

    private final Connection connection;
    private final ObjectMapper json = new ObjectMapper();

    EventStoreProbe(EmbeddedPostgresServer postgres, String database) throws SQLException {
        connection = DriverManager.getConnection(postgres.jdbcUrl(database), EmbeddedPostgresServer.USER, "");
        connection.setAutoCommit(true);
    }

    private final Count all = new Count("TRUE");
    private final Count published = new Count(NOT_PUBLISHED);

    /** Events in {@code domain_event_entry}. */
    long stored() throws SQLException {
        return all.now();
    }

    /** Stored events the publisher sends to Kafka (all but the types it maps to nothing). */
    long toPublish() throws SQLException {
        return published.now();
    }

    /**
     * A count kept incrementally, so that polling it does not scan a million rows each time (which would take CPU
     * from what is measured): rows up to a watermark are counted once; the watermark trails the head by
     * {@link #SETTLED} global indexes, since a transaction may commit below the head after it was read.
     */
    private final class Count {
        private static final long SETTLED = 5_000;
        private final String filter;
        private long watermark;
        private long below;

        Count(String filter) {
            this.filter = filter;
        }

        long now() throws SQLException {
            long head = head();
            long advanceTo = Math.max(watermark, head - SETTLED);
            if (advanceTo > watermark) {
                below += range(watermark, advanceTo);
                watermark = advanceTo;
            }
            return below + range(watermark, Long.MAX_VALUE);
        }

        private long range(long after, long upTo) throws SQLException {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT count(*) FROM domain_event_entry WHERE global_index > ? AND global_index <= ? AND "
                    + filter)) {
                query.setLong(1, after);
                query.setLong(2, upTo);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        }
    }

    /** The highest global index stored (0 for an empty store). */
    long head() throws SQLException {
        return single("SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
    }

    /**
     * The global index a processor's token stands at ({@code token_entry}, Jackson-serialized tracking token: a
     * {@code GapAwareTrackingToken}'s {@code index}); -1 without a token.
     */
    long tokenIndex(String processor) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT token FROM token_entry WHERE processor_name = ? ORDER BY segment")) {
            query.setString(1, processor);
            try (ResultSet rows = query.executeQuery()) {
                long lowest = Long.MAX_VALUE;
                boolean any = false;
                while (rows.next()) {
                    byte[] token = rows.getBytes(1);
                    if (token == null) {
                        return -1;
                    }
                    JsonNode node = json.readTree(token);
                    JsonNode index = node.has("index") ? node.get("index") : node.get("globalIndex");
                    lowest = Math.min(lowest, index == null ? -1 : index.asLong());
                    any = true;
                }
                return any ? lowest : -1;
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Unreadable token of " + processor, e);
            }
        }
    }

    /** Stored events with a global index above the processor's token: what it has not processed (acknowledged). */
    long behind(String processor) throws SQLException {
        long token = tokenIndex(processor);
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM domain_event_entry WHERE global_index > ? AND " + NOT_PUBLISHED)) {
            query.setLong(1, token);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** When each of these events was stored (its {@code time_stamp}), by event identifier. */
    Map<String, Instant> storedAt(Collection<String> eventIds) throws SQLException {
        Map<String, Instant> at = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT event_identifier, time_stamp FROM domain_event_entry WHERE event_identifier = ANY (?)")) {
            Array ids = connection.createArrayOf("varchar", eventIds.toArray());
            query.setArray(1, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    at.put(rows.getString(1), Instant.parse(rows.getString(2)));
                }
            }
        }
        return at;
    }

    /** A server setting as the server reports it ({@code SHOW name}). */
    String setting(String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT current_setting(?)")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    /** Size of the database on disk. */
    String databaseSize() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT pg_size_pretty(pg_database_size(current_database()))");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Background maintenance so far (see {@link PostgresMaintenance}); counters as PostgreSQL's statistics hold them. */
    PostgresMaintenance maintenance() throws SQLException {
        return new PostgresMaintenance(
                single("SELECT coalesce(sum(autovacuum_count), 0) FROM pg_stat_user_tables "
                       + "WHERE relname = 'domain_event_entry'"),
                single("SELECT coalesce(sum(autoanalyze_count), 0) FROM pg_stat_user_tables "
                       + "WHERE relname = 'domain_event_entry'"),
                single("SELECT num_timed + num_requested FROM pg_stat_checkpointer"),
                single("SELECT count(*) FROM pg_stat_progress_vacuum"));
    }

    private long single(String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
