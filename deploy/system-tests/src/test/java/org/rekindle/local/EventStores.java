package org.rekindle.local;

import org.rekindle.platform.embedded.EmbeddedPostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads a service's event store (its database on the stack's PostgreSQL) the way an operator's psql would. */
final class EventStores {

    private EventStores() {
    }

    static long count(LocalStack stack, String database, String sql, Object... args) {
        Object value = single(stack, database, sql, args);
        return value == null ? 0 : ((Number) value).longValue();
    }

    static String text(LocalStack stack, String database, String sql, Object... args) {
        Object value = single(stack, database, sql, args);
        return value == null ? null : value.toString();
    }

    /** The first column of every row. */
    static java.util.List<String> rows(LocalStack stack, String database, String sql, Object... args) {
        java.util.List<String> values = new java.util.ArrayList<>();
        query(stack, database, sql, args, rows -> {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return null;
        });
        return values;
    }

    private static Object single(LocalStack stack, String database, String sql, Object... args) {
        return query(stack, database, sql, args, rows -> rows.next() ? rows.getObject(1) : null);
    }

    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> T query(LocalStack stack, String database, String sql, Object[] args, RowReader<T> reader) {
        try (Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl(database),
                                                                 EmbeddedPostgresServer.USER, "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql, e);
        }
    }
}
