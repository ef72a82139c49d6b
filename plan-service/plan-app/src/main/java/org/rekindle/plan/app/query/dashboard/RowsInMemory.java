package org.rekindle.plan.app.query.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rows as the coach's dashboard reads them (without their contact marks), kept in this process by the version each
 * was stored with ({@code written}, new on every write). A query reads every row's version, a few bytes each, and
 * only the rows whose version it does not hold; a row written by another instance has a new version, so it is read
 * again. The least recently used rows are dropped beyond {@code capacity}.
 */
final class RowsInMemory {

    /** Rows kept unless {@code rekindle.dashboard.rows-in-memory} says otherwise. */
    static final int DEFAULT_CAPACITY = 5000;

    private record Kept(String written, DashboardRow row) {
    }

    private final Map<String, Kept> rows;

    RowsInMemory(int capacity) {
        this.rows = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The row kept for this client at this version, or null (none kept, another version, or no version). */
    synchronized DashboardRow at(String clientId, String written) {
        Kept kept = rows.get(clientId);
        return kept != null && written != null && written.equals(kept.written()) ? kept.row() : null;
    }

    /** Keeps the row read at this version; rows stored before versions existed ({@code written} null) are not kept. */
    synchronized void keep(String clientId, String written, DashboardRow row) {
        if (written != null) {
            rows.put(clientId, new Kept(written, row));
        }
    }

    synchronized int size() {
        return rows.size();
    }
}
