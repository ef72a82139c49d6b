package org.rekindle.platform.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon that an append failed on a unique key: two commands wrote the same aggregate's next sequence number,
 * and the later one must be refused as a concurrency conflict (409 to the caller), not retried or lost.
 * PostgreSQL reports it with SQLState 23505 and no vendor error code, which Axon's resolvers do not read.
 */
final class PostgresDuplicateKeys implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
