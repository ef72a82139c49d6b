package org.rekindle.plan.app.query.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rows kept in this process by the version each was stored with ({@code written}, new on every write of a row). A
 * reader reads every row's version, a few bytes each, and only the rows whose version it does not hold; a row written
 * by another instance has a new version, so it is read again. The least recently used rows are dropped beyond
 * {@code capacity}.
 * <p>
 * Two uses: the coach's dashboard keeps rows as it read them (without their contact marks, shared, never changed),
 * and the processor keeps each row as it last wrote it, taken out while a batch changes it.
 *
 * @param <R> what is kept of a row
 */
final class RowsInMemory<R> {

    /** Rows kept unless {@code rekindle.dashboard.rows-in-memory} says otherwise. */
    static final int DEFAULT_CAPACITY = 5000;

    private record Kept<R>(String written, R row) {
    }

    private final Map<String, Kept<R>> rows;

    RowsInMemory(int capacity) {
        this.rows = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept<R>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The row kept for this client at this version, or null (none kept, another version, or no version). */
    synchronized R at(String clientId, String written) {
        Kept<R> kept = rows.get(clientId);
        return kept != null && written != null && written.equals(kept.written()) ? kept.row() : null;
    }

    /** The row kept for this client at whatever version, or null; to learn which version to ask for. */
    synchronized R anyVersion(String clientId) {
        Kept<R> kept = rows.get(clientId);
        return kept == null ? null : kept.row();
    }

    /**
     * As {@link #at}, and no longer kept whatever the answer: the caller changes the row, and keeps it again only
     * once it has stored it (a batch that fails leaves nothing half-changed here).
     */
    synchronized R take(String clientId, String written) {
        Kept<R> kept = rows.remove(clientId);
        return kept != null && written != null && written.equals(kept.written()) ? kept.row() : null;
    }

    /** Keeps the row read at this version; rows stored before versions existed ({@code written} null) are not kept. */
    synchronized void keep(String clientId, String written, R row) {
        if (written != null) {
            rows.put(clientId, new Kept<>(written, row));
        }
    }

    synchronized void clear() {
        rows.clear();
    }

    synchronized int size() {
        return rows.size();
    }
}
