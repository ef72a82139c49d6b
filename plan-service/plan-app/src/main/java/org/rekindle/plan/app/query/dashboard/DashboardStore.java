package org.rekindle.plan.app.query.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.rekindle.platform.readmodel.IdempotentWrites;
import org.rekindle.platform.readmodel.ByIds;
import org.rekindle.platform.readmodel.DocumentOrder;
import org.rekindle.platform.readmodel.OwnerIndex;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The dashboard's collections. {@code dashboard_rows}: one document per client with its folded row and the ids
 * of the last events applied (a redelivered event is recognised and skipped). {@code dashboard_timeline}: one
 * document per event, keyed by its id. Reading a coach's dashboard touches one row per client, never the events,
 * so its cost grows with the number of clients, not with history.
 * <p>
 * The timeline grows with history, so a client's events are found through two small indexes, by {@code _id} only
 * (the embedded MongoDB-wire server ignores non-unique indexes and would scan every event of every client):
 * {@code dashboard_timeline_months} lists the months (UTC, {@code yyyy-MM}) a client has events in, and
 * {@code dashboard_timeline_by_month} the event ids of each client and month ({@code _id} = clientId/yyyy-MM).
 * Time travel starts from the client's row at the end of the month before its instant ({@code dashboard_month_ends})
 * and reads one month of events; the timeline is read a page at a time from the newest month back.
 */
@Component
public class DashboardStore {

    static final int REMEMBERED_EVENT_IDS = 500;

    private final MongoCollection<Document> rows;
    private final MongoCollection<Document> timeline;
    private final OwnerIndex timelineMonths;
    private final OwnerIndex timelineByMonth;
    private final ApplicationEventPublisher changes;
    private final MonthSnapshots monthEnds;
    private final LateArrivals lateArrivals;
    private final Clock clock;
    private final ObjectMapper json = JsonMapper.builder().addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .addModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    DashboardStore(com.mongodb.client.MongoClient mongoClient, @Value("${rekindle.mongo.database}") String database,
                   ApplicationEventPublisher changes, Clock clock) {
        MongoDatabase db = mongoClient.getDatabase(database);
        this.clock = clock;
        this.monthEnds = new MonthSnapshots(db.getCollection("dashboard_month_ends"));
        this.lateArrivals = new LateArrivals(db.getCollection("dashboard_late_arrivals"));
        this.rows = db.getCollection("dashboard_rows");
        this.timeline = db.getCollection("dashboard_timeline");
        this.timelineMonths = new OwnerIndex(db.getCollection("dashboard_timeline_months"));
        this.timelineByMonth = new OwnerIndex(db.getCollection("dashboard_timeline_by_month"));
        this.changes = changes;
        rows.createIndex(com.mongodb.client.model.Indexes.ascending("coachId"));
        timeline.createIndex(com.mongodb.client.model.Indexes.ascending("clientId", "time"));
        timelineByMonth.buildOnceFrom(timeline, doc -> monthOf(doc.getString("clientId"), doc.getDate("time")),
                                      "clientId", "time");
        timelineMonths.buildOnceFrom(timeline, doc -> doc.getDate("time") == null ? null : doc.getString("clientId"),
                                     doc -> month(doc.getDate("time").toInstant()), "clientId", "time");
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

    /** Each client's stored row and the ids of the last events applied to it (a fresh row if none), in one query. */
    Map<String, DashboardBatch.PendingRow> loadAll(Collection<String> clientIds) {
        Map<String, DashboardBatch.PendingRow> loaded = new LinkedHashMap<>();
        rows.find(Filters.in("_id", List.copyOf(clientIds))).forEach(doc -> loaded.put(doc.getString("_id"),
                new DashboardBatch.PendingRow(read(doc), new ArrayList<>(doc.getList("seen", String.class)))));
        clientIds.forEach(id -> loaded.computeIfAbsent(id, fresh -> new DashboardBatch.PendingRow(
                new DashboardRow(fresh), new ArrayList<>())));
        return loaded;
    }

    /** Writes the rows in one unordered bulk write (each replaces its client's document), then tells live pages. */
    void saveAll(List<DashboardBatch.PendingRow> changed) {
        if (changed.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<Document>> writes = new ArrayList<>();
        for (DashboardBatch.PendingRow pending : changed) {
            List<String> seen = pending.seen();
            if (seen.size() > REMEMBERED_EVENT_IDS) {
                seen.subList(0, seen.size() - REMEMBERED_EVENT_IDS).clear();
            }
            DashboardRow row = pending.row();
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", row.clientId), new Document("coachId", row.coachId)
                    .append("seen", seen).append("row", Document.parse(write(row))), new ReplaceOptions().upsert(true)));
        }
        rows.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        changed.forEach(pending -> changes.publishEvent(new DashboardRowChanged(pending.row().coachId,
                                                                                pending.row().clientId, pending.row())));
    }

    /**
     * The batch's events in the timeline, each once: an id already there (a redelivery) is skipped. Then each
     * client's months and event ids in the indexes (idempotent, so a redelivery indexes nothing twice).
     */
    void insertTimeline(List<ClientEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Document> docs = events.stream().map(event -> new Document("_id", event.eventId())
                .append("clientId", event.clientId()).append("type", event.type())
                .append("time", Date.from(event.time())).append("recordedAt", Date.from(event.recordedAt()))
                .append("data", new Document(event.data()))).toList();
        try {
            timeline.insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream()
                                      .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode())
                                                         == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw e;
            }
            // A redelivered batch. A server need not insert the rest after a duplicate, even unordered, so each
            // entry is inserted on its own: the ones already there are skipped.
            docs.forEach(doc -> IdempotentWrites.insertOnce(timeline, doc));
        }
        index(events);
        forgetMonthEndsBefore(events);
        events.forEach(event -> lateArrivals.note(event, month(event.time()), month(event.recordedAt())));
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
        monthEnds.forgetFrom(earliestLate, current);
    }

    /** Two bulk writes per batch: the event ids of each client and month, and the months of each client. */
    private void index(List<ClientEvent> events) {
        Map<String, List<String>> idsByClientMonth = new LinkedHashMap<>();
        Map<String, Set<String>> monthsByClient = new LinkedHashMap<>();
        for (ClientEvent event : events) {
            String month = month(event.time());
            idsByClientMonth.computeIfAbsent(event.clientId() + "/" + month, m -> new ArrayList<>())
                            .add(event.eventId());
            monthsByClient.computeIfAbsent(event.clientId(), c -> new LinkedHashSet<>()).add(month);
        }
        timelineByMonth.add(idsByClientMonth);
        timelineMonths.add(monthsByClient);
    }

    /**
     * The client erased their journal: their journal events leave the timeline and the row is folded again from
     * what remains (the plan's own events), so no mood, urge or contact fact of theirs stays on the dashboard. Their
     * consent stays: falling back to the default would show the coach more than the client chose.
     */
    void forgetJournalOf(String clientId) {
        // By the client id, not the index: erasure must find every event, and it is rare (the embedded server scans).
        timeline.deleteMany(Filters.and(Filters.eq("clientId", clientId),
                                        Filters.not(Filters.regex("type", "^(Plan|ConsentChanged$)"))));
        List<String> months = monthsOf(clientId);
        List<ClientEvent> remaining = eventsOf(clientId, months);
        monthEnds.forget(clientId, months);
        months.forEach(month -> timelineByMonth.forget(clientId + "/" + month));
        timelineMonths.forget(clientId);
        lateArrivals.forget(clientId);
        index(remaining);
        remaining.forEach(event -> lateArrivals.note(event, month(event.time()), month(event.recordedAt())));
        if (rows.find(Filters.eq("_id", clientId)).first() == null) {
            return;
        }
        DashboardRow row = new DashboardRow(clientId);
        remaining.forEach(row::apply);
        saveAll(List.of(new DashboardBatch.PendingRow(row, new ArrayList<>(remaining.stream()
                                                                                    .map(ClientEvent::eventId)
                                                                                    .toList()))));
    }

    void clear() {
        monthEnds.clear();
        lateArrivals.clear();
        rows.deleteMany(new Document());
        timeline.deleteMany(new Document());
        timelineMonths.clear();
        timelineByMonth.clear();
    }

    /** Most in need first (by {@link Attention.Level}), then who did something last, then by id for a stable order. */
    static final Comparator<DashboardView> NEED_FIRST = Comparator
            .comparing((DashboardView v) -> Attention.Level.valueOf(v.attention()))
            .thenComparing(DashboardView::lastActivityAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(DashboardView::clientId);

    /** Every client of the coach, most in need first. */
    public List<DashboardView> coach(String coachId, Instant now) {
        List<DashboardView> views = new ArrayList<>();
        rows.find(Filters.eq("coachId", coachId)).forEach(doc -> views.add(read(doc).asOf(now)));
        views.sort(NEED_FIRST);
        return views;
    }

    public Optional<DashboardView> client(String clientId, Instant now) {
        return Optional.ofNullable(rows.find(Filters.eq("_id", clientId)).first()).map(doc -> read(doc).asOf(now));
    }

    /**
     * Time travel "as it happened": the row as it stood at {@code asOf}, from the client's row at the end of the month
     * before (see {@link MonthSnapshots}; folded and kept on first need) and the events of {@code asOf}'s month that
     * happened up to then, whenever they were recorded. Reads the client's own documents by id, a bounded number of
     * them however long the history.
     */
    public Optional<DashboardView> clientAsOf(String clientId, Instant asOf) {
        String target = month(asOf);
        return foldUpTo(clientId, target, target, event -> !event.time().isAfter(asOf), asOf);
    }

    /**
     * Time travel "as you saw it then": only what had been recorded by {@code seenAt}, so an event logged later and
     * dated earlier is left out. Months holding an event recorded after {@code seenAt} are folded again from the month
     * end before the first of them (a late arrival across a month's end is rare; usually this is the month asked).
     */
    public Optional<DashboardView> clientAsSeenAt(String clientId, Instant seenAt) {
        String target = month(seenAt);
        String from = lateArrivals.earliestMonthRecordedAfter(clientId, seenAt).filter(m -> m.compareTo(target) < 0)
                                  .orElse(target);
        return foldUpTo(clientId, from, target,
                        event -> !event.time().isAfter(seenAt) && !event.recordedAt().isAfter(seenAt), seenAt);
    }

    /** The month-end row before {@code from}, then the events of {@code from}..{@code target} that {@code counts}. */
    private Optional<DashboardView> foldUpTo(String clientId, String from, String target,
                                             Predicate<ClientEvent> counts, Instant at) {
        List<String> months = monthsOf(clientId).stream().sorted().toList();
        List<String> before = months.stream().filter(month -> month.compareTo(from) < 0).toList();
        List<String> folded = months.stream().filter(m -> m.compareTo(from) >= 0 && m.compareTo(target) <= 0)
                                    .toList();
        DashboardRow row = before.isEmpty() ? null : rowAtEndOf(clientId, before);
        List<ClientEvent> events = folded.isEmpty() ? List.of()
                                   : eventsOf(clientId, folded).stream().filter(counts).toList();
        if (row == null && events.isEmpty()) {
            return Optional.empty();
        }
        DashboardRow result = row == null ? new DashboardRow(clientId) : row;
        events.forEach(result::apply);
        result.coachSees = currentConsent(clientId);
        return Optional.of(result.asOf(at));
    }

    /** The row at the end of the last of these months (ascending): from the latest stored month end, folding on. */
    private DashboardRow rowAtEndOf(String clientId, List<String> months) {
        Document stored = monthEnds.latest(clientId, months);
        String from = stored == null ? null : MonthSnapshots.monthOf(stored);
        DashboardRow row = stored == null ? new DashboardRow(clientId) : readRow(stored.get("row", Document.class));
        String current = month(clock.instant());
        for (String month : months) {
            if (from != null && month.compareTo(from) <= 0) {
                continue;
            }
            eventsOf(clientId, List.of(month)).forEach(row::apply);
            if (month.compareTo(current) < 0) {
                monthEnds.save(clientId, month, Document.parse(write(row)));
            }
        }
        return row;
    }

    /**
     * The latest {@code limit} events of the client that the client's current consent lets the coach see, oldest
     * first; with {@code beforeEventId} (the first event of the page before), the ones just before that event in the
     * timeline's order (time, then id), so events of the same instant are neither skipped nor repeated. Reads month by
     * month from the newest, so a page costs about {@code limit} events however long the history. Empty if the
     * cursor is no event of this client.
     */
    public Optional<List<ClientEvent>> timelineForCoach(String clientId, String beforeEventId, int limit) {
        Predicate<ClientEvent> before = event -> true;
        String lastMonth = null;
        if (beforeEventId != null) {
            Document cursor = timeline.find(Filters.eq("_id", beforeEventId)).first();
            if (cursor == null || !clientId.equals(cursor.getString("clientId"))) {
                return Optional.empty();
            }
            Instant time = cursor.getDate("time").toInstant();
            before = event -> event.time().isBefore(time)
                              || event.time().equals(time) && event.eventId().compareTo(beforeEventId) < 0;
            lastMonth = month(time);
        }
        CoachConsent consent = consentOf(clientId);
        String newest = lastMonth;
        List<String> months = monthsOf(clientId).stream().filter(m -> newest == null || m.compareTo(newest) <= 0)
                                                .sorted(Comparator.reverseOrder()).toList();
        List<ClientEvent> newestFirst = new ArrayList<>();
        for (String month : months) {
            List<ClientEvent> ofMonth = consent.show(eventsOf(clientId, List.of(month)).stream().filter(before)
                                                                                     .toList());
            for (int i = ofMonth.size() - 1; i >= 0 && newestFirst.size() < limit; i--) {
                newestFirst.add(ofMonth.get(i));
            }
            if (newestFirst.size() >= limit) {
                break;
            }
        }
        List<ClientEvent> page = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(page);
        return Optional.of(page);
    }

    /** Every event of the client, oldest first. */
    public List<ClientEvent> timeline(String clientId) {
        return eventsOf(clientId, monthsOf(clientId));
    }

    /** What the client lets their coach see now (the default until the client chooses). */
    public CoachConsent consentOf(String clientId) {
        return CoachConsent.of(currentConsent(clientId));
    }

    /**
     * The client's consent as it stands now (time travel shows the past only as far as today's consent allows): the
     * row's {@code coachSees} alone, not the whole row to parse.
     */
    private List<String> currentConsent(String clientId) {
        Document doc = rows.find(Filters.eq("_id", clientId)).projection(Projections.include("row.coachSees")).first();
        Document row = doc == null ? null : doc.get("row", Document.class);
        return row == null ? null : row.getList("coachSees", String.class);
    }

    /** The client's events of these months, oldest first: found by id through the month index. */
    private List<ClientEvent> eventsOf(String clientId, Collection<String> months) {
        List<String> owners = months.stream().map(month -> clientId + "/" + month).toList();
        List<Object> ids = timelineByMonth.ids(owners);
        if (ids.isEmpty()) {
            return List.of();
        }
        return ByIds.find(timeline, ids).stream()
                       .sorted(DocumentOrder.ascending("time").thenComparing(DocumentOrder.ascending("_id")))
                       .filter(doc -> clientId.equals(doc.getString("clientId")))
                       .map(doc -> new ClientEvent(doc.getString("_id"), clientId, doc.getString("type"),
                                                   doc.getDate("time").toInstant(), doc.get("data", Document.class),
                                                   recordedAt(doc)))
                       .toList();
    }

    /** When the event was recorded; events stored before this was kept count as recorded when they happened. */
    private static Instant recordedAt(Document doc) {
        Date recorded = doc.getDate("recordedAt");
        return (recorded != null ? recorded : doc.getDate("time")).toInstant();
    }

    private List<String> monthsOf(String clientId) {
        return timelineMonths.ids(clientId).stream().map(String::valueOf).toList();
    }

    /** The UTC month of an instant, {@code yyyy-MM}: months of a client sort as strings. */
    private static String month(Instant time) {
        return YearMonth.from(time.atOffset(ZoneOffset.UTC)).toString();
    }

    private static String monthOf(String clientId, Date time) {
        return clientId == null || time == null ? null : clientId + "/" + month(time.toInstant());
    }

    private DashboardRow read(Document doc) {
        return readRow(doc.get("row", Document.class));
    }

    private DashboardRow readRow(Document row) {
        try {
            return json.readValue(row.toJson(), DashboardRow.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable dashboard row of " + row.get("clientId"), e);
        }
    }

    private String write(DashboardRow row) {
        try {
            return json.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store dashboard row " + row.clientId, e);
        }
    }
}
