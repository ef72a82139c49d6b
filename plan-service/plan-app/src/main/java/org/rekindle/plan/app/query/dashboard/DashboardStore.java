package org.rekindle.plan.app.query.dashboard;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.rekindle.platform.readmodel.ByIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.rekindle.plan.app.query.dashboard.DashboardDocuments.month;

/**
 * The dashboard's writes: a processor batch's rows (read and written once per batch) and its events in the timeline
 * and its indexes, the erasure of a client's journal, and the reset before a replay. Queries are
 * {@link DashboardQueries}; the collections, {@link DashboardDocuments}.
 */
@Component
public class DashboardStore {

    static final int REMEMBERED_EVENT_IDS = 500;

    private static final Bson VERSION_ONLY = Projections.include("written");

    private final DashboardDocuments documents;
    private final ApplicationEventPublisher changes;
    private final Clock clock;
    /** Each row as this process last wrote it, so the next batch reads its version only (see {@link #loadAll}). */
    private final RowsInMemory<DashboardBatch.PendingRow> lastWritten;

    @Autowired
    DashboardStore(DashboardDocuments documents, ApplicationEventPublisher changes, Clock clock,
                   @Value("${rekindle.dashboard.rows-in-memory:" + RowsInMemory.DEFAULT_CAPACITY + "}") int rowsInMemory) {
        this.documents = documents;
        this.changes = changes;
        this.clock = clock;
        this.lastWritten = new RowsInMemory<>(rowsInMemory);
    }

    DashboardStore(DashboardDocuments documents, ApplicationEventPublisher changes, Clock clock) {
        this(documents, changes, clock, RowsInMemory.DEFAULT_CAPACITY);
    }

    /** One event on its own (projection tests; a handler outside a processor batch). */
    void apply(ClientEvent event) {
        DashboardBatch batch = newBatch();
        batch.apply(event);
        batch.flush();
    }

    /** Collects a processor batch's changes so each client's row is read and written once per batch. */
    DashboardBatch newBatch() {
        return new DashboardBatch(this);
    }

    /**
     * Each client's stored row and the ids of the last events applied to it (a fresh row if none). The stored versions
     * of the rows this process holds are found first ({@link #versionsOfHeld}); a row held at its stored version is
     * taken from memory, the others are read whole in one query. A row holds every contact mark of its client, so
     * reading and parsing it on every batch costs more the longer the history; a row written since by another
     * instance has a new version and is read.
     */
    Map<String, DashboardBatch.PendingRow> loadAll(Collection<String> clientIds) {
        Map<String, DashboardBatch.PendingRow> loaded = new LinkedHashMap<>();
        List<String> notHeld = new ArrayList<>();
        Map<String, String> versions = versionsOfHeld(clientIds);
        for (String clientId : clientIds) {
            DashboardBatch.PendingRow held = lastWritten.take(clientId, versions.get(clientId));
            if (held != null) {
                loaded.put(clientId, held);
            } else {
                notHeld.add(clientId);
            }
        }
        if (!notHeld.isEmpty()) {
            documents.rows.find(Filters.in("_id", notHeld)).forEach(doc -> loaded.put(doc.getString("_id"),
                    new DashboardBatch.PendingRow(documents.read(doc), DashboardDocuments.seenOf(doc))));
        }
        clientIds.forEach(id -> loaded.computeIfAbsent(id, fresh -> new DashboardBatch.PendingRow(
                new DashboardRow(fresh), new ArrayList<>())));
        return loaded;
    }

    /**
     * The stored version of each of these clients' rows that this process holds (a row not held is read whole anyway,
     * so its version is not asked). A held row names its coach, whose list ({@link CoachRowVersions}) gives the
     * version without reading the row (which the MongoDB-wire server would decode whole, marks and all, to hand out
     * one field); a held row without a coach, or one its coach's list no longer names, is asked for its version.
     */
    private Map<String, String> versionsOfHeld(Collection<String> clientIds) {
        Map<String, String> versions = new LinkedHashMap<>();
        Map<String, String> coachOfHeld = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        for (String clientId : clientIds) {
            DashboardBatch.PendingRow held = lastWritten.anyVersion(clientId);
            if (held != null && held.row().coachId != null) {
                coachOfHeld.put(clientId, held.row().coachId);
            } else if (held != null) {
                others.add(clientId);
            }
        }
        Map<String, Map<String, String>> byCoach = documents.coachRows.ofCoaches(Set.copyOf(coachOfHeld.values()));
        coachOfHeld.forEach((clientId, coachId) -> {
            String version = byCoach.getOrDefault(coachId, Map.of()).get(clientId);
            if (version != null) {
                versions.put(clientId, version);
            } else {
                others.add(clientId); // its coach's list no longer has it (it moved elsewhere): its row says
            }
        });
        if (!others.isEmpty()) {
            ByIds.find(documents.rows, others, VERSION_ONLY).forEach(row -> versions.put(row.getString("_id"),
                                                                                         row.getString("written")));
        }
        return versions;
    }

    /**
     * Writes the rows' new versions to their coaches' lists ({@link CoachRowVersions}), then the rows in one unordered
     * bulk write (each replaces its client's document), then tells live pages.
     */
    void saveAll(List<DashboardBatch.PendingRow> changed) {
        if (changed.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<Document>> writes = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        List<CoachRowVersions.Written> written = new ArrayList<>();
        for (DashboardBatch.PendingRow pending : changed) {
            List<String> seen = pending.seen();
            if (seen.size() > REMEMBERED_EVENT_IDS) {
                seen.subList(0, seen.size() - REMEMBERED_EVENT_IDS).clear();
            }
            DashboardRow row = pending.row().foldNoContactAt(clock.instant());
            String version = new ObjectId().toHexString();
            versions.add(version);
            written.add(new CoachRowVersions.Written(row.clientId, pending.storedCoachId(), row.coachId, version));
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", row.clientId), new Document("coachId", row.coachId)
                    .append("seenIds", DashboardDocuments.seenField(seen)).append("row", documents.toDocument(row))
                    .append("written", version), new ReplaceOptions().upsert(true)));
        }
        documents.coachRows.written(written);
        documents.rows.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        for (int i = 0; i < changed.size(); i++) {
            DashboardBatch.PendingRow stored = changed.get(i);
            lastWritten.keep(stored.row().clientId, versions.get(i),
                             new DashboardBatch.PendingRow(stored.row(), stored.seen()));
        }
        changed.forEach(pending -> changes.publishEvent(new DashboardRowChanged(pending.row().coachId,
                                                                                pending.row().clientId, pending.row())));
    }

    /**
     * The batch's events the rows had not seen, in the timeline's days (a redelivery has been passed over already).
     * Then each client's months and days in the indexes (idempotent, so a redelivery indexes nothing twice).
     */
    void insertTimeline(List<ClientEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        documents.addToTimeline(events);
        forgetMonthEndsBefore(events);
        events.forEach(event -> documents.lateArrivals.note(event));
    }

    /** Events of a month that has ended change that month's end and every later one (live events never do). */
    private void forgetMonthEndsBefore(List<ClientEvent> events) {
        String current = month(clock.instant());
        Map<String, String> earliestLate = new LinkedHashMap<>();
        for (ClientEvent event : events) {
            String month = month(event.time());
            if (month.compareTo(current) < 0) {
                earliestLate.merge(event.clientId(), month, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        documents.monthEnds.forgetFrom(earliestLate, current);
    }

    /**
     * The client erased their journal: their journal events leave the timeline and the row is folded again from
     * what remains (the plan's own events), so no mood, urge or contact fact of theirs stays on the dashboard. Their
     * consent stays: falling back to the default would show the coach more than the client chose.
     */
    void forgetJournalOf(String clientId) {
        lastWritten.take(clientId, null);
        List<String> months = documents.monthsOf(clientId);
        documents.days.retain(clientId, months, event -> isPlanOrConsent(event.getString("type")));
        List<ClientEvent> remaining = documents.eventsOf(clientId, months);
        documents.monthEnds.forget(clientId, months);
        months.forEach(month -> documents.daysByMonth.forget(clientId + "/" + month));
        documents.timelineMonths.forget(clientId);
        documents.lateArrivals.forget(clientId);
        documents.index(remaining);
        remaining.forEach(event -> documents.lateArrivals.note(event));
        Document stored = documents.rows.find(Filters.eq("_id", clientId)).projection(Projections.include("coachId"))
                                        .first();
        if (stored == null) {
            return;
        }
        DashboardRow row = new DashboardRow(clientId);
        remaining.forEach(row::apply);
        saveAll(List.of(new DashboardBatch.PendingRow(row, new ArrayList<>(remaining.stream()
                                                                                    .map(ClientEvent::eventId)
                                                                                    .toList()),
                                                      stored.getString("coachId"))));
    }

    private static boolean isPlanOrConsent(String type) {
        return type != null && (type.startsWith("Plan") || type.equals("ConsentChanged"));
    }

    void clear() {
        lastWritten.clear();
        documents.monthEnds.clear();
        documents.lateArrivals.clear();
        documents.rows.deleteMany(new Document());
        documents.coachRows.clear();
        documents.days.clear();
        documents.timelineMonths.clear();
        documents.daysByMonth.clear();
    }
}
