package org.rekindle.plan.app.query.dashboard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The changes of one processor batch: each client's row is read once, every event of the batch is folded into it in
 * memory (skipping ids it remembers, so a redelivery changes nothing), and at the end each changed row is written
 * once and the batch's timeline entries are inserted together. Fewer, larger writes than one row write and one insert
 * per event; the result is the same.
 */
final class DashboardBatch {

    /** A row being changed in this batch, with the ids of the last events applied to it. */
    record PendingRow(DashboardRow row, List<String> seen) {
    }

    private final DashboardStore store;
    private final Map<String, PendingRow> rows = new LinkedHashMap<>();
    private final Set<String> changed = new HashSet<>();
    private final List<ClientEvent> timeline = new ArrayList<>();

    DashboardBatch(DashboardStore store) {
        this.store = store;
    }

    void apply(ClientEvent event) {
        if ("JournalErased".equals(event.type())) {
            flush();
            store.forgetJournalOf(event.clientId());
            return;
        }
        PendingRow pending = rows.computeIfAbsent(event.clientId(), store::load);
        if (!pending.seen().contains(event.eventId())) {
            pending.row().apply(event);
            pending.seen().add(event.eventId());
            changed.add(event.clientId());
        }
        timeline.add(event);
    }

    /** Writes what the batch changed; the batch is empty afterwards (a second flush writes nothing). */
    void flush() {
        rows.forEach((clientId, pending) -> {
            if (changed.contains(clientId)) {
                store.save(pending);
            }
        });
        store.insertTimeline(timeline);
        rows.clear();
        changed.clear();
        timeline.clear();
    }
}
