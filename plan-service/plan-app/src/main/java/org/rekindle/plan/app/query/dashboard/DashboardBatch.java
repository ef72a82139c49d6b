package org.rekindle.plan.app.query.dashboard;

import org.rekindle.platform.axon.ProcessorBatch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The changes of one processor batch: its events are collected, and at the end the rows of every client they touch
 * are read in one query, every event is folded into its row in memory (skipping ids the row remembers, so a
 * redelivery changes nothing), the batch's new timeline entries are inserted together and then the changed rows
 * written in one unordered bulk write. A few writes per batch instead of a read and a write per event; the result is
 * the same.
 */
final class DashboardBatch implements ProcessorBatch.PendingWrites {

    /**
     * A row being changed in this batch, with the ids of the last events applied to it and the coach it was stored
     * with (before this batch).
     */
    record PendingRow(DashboardRow row, List<String> seen, String storedCoachId) {

        /** A row as stored (read, or kept as written): its coach now is the one it was stored with. */
        PendingRow(DashboardRow row, List<String> seen) {
            this(row, seen, row.coachId);
        }
    }

    private final DashboardStore store;
    private final List<ClientEvent> events = new ArrayList<>();

    DashboardBatch(DashboardStore store) {
        this.store = store;
    }

    void apply(ClientEvent event) {
        if ("JournalErased".equals(event.type())) {
            flush();
            store.forgetJournalOf(event.clientId());
            return;
        }
        events.add(event);
    }

    /** Writes what the batch changed; the batch is empty afterwards (a second flush writes nothing). */
    @Override
    public void flush() {
        if (events.isEmpty()) {
            return;
        }
        Set<String> clients = new LinkedHashSet<>();
        events.forEach(event -> clients.add(event.clientId()));
        Map<String, PendingRow> rows = store.loadAll(clients);
        Set<String> changed = new LinkedHashSet<>();
        List<ClientEvent> unseen = new ArrayList<>();
        for (ClientEvent event : events) {
            PendingRow pending = rows.get(event.clientId());
            if (!pending.seen().contains(event.eventId())) {
                pending.row().apply(event);
                pending.seen().add(event.eventId());
                changed.add(event.clientId());
                unseen.add(event);
            }
        }
        // the timeline before the rows: an event a row has seen is in the timeline, so skipping it there loses nothing
        store.insertTimeline(unseen);
        store.saveAll(changed.stream().map(rows::get).toList());
        events.clear();
    }
}
