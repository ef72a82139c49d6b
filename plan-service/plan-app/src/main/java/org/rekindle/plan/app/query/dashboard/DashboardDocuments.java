package org.rekindle.plan.app.query.dashboard;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.rekindle.platform.readmodel.OwnerIndex;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard's collections, shared by its writes ({@link DashboardStore}) and its queries
 * ({@link DashboardQueries}). {@code dashboard_rows}: one document per client with its folded row and the ids
 * of the last events applied (a redelivered event is recognised and skipped); {@code dashboard_coach_rows}: each
 * coach's clients and their rows' versions ({@link CoachRowVersions}). {@code dashboard_timeline_days}: the
 * events, one document per client and UTC day, in parts of at most {@value TimelineDays#EVENTS_PER_PART} events
 * ({@link TimelineDays}). Reading a coach's dashboard touches one row per
 * client, never the events, so its cost grows with the number of clients, not with history.
 * <p>
 * The timeline grows with history, so a client's days are found through two small indexes, by {@code _id} only
 * (the embedded MongoDB-wire server ignores non-unique indexes and would scan every event of every client):
 * {@code dashboard_timeline_months} lists the months (UTC, {@code yyyy-MM}) a client has events in, and
 * {@code dashboard_timeline_days_by_month} the days of each client and month ({@code _id} = clientId/yyyy-MM, at most
 * 31). Time travel starts from the client's row at the end of the month before its instant
 * ({@code dashboard_month_ends}) and reads the days of one month up to that instant, at most 31 documents; a timeline
 * page reads the client's days newest first, a few at a time, until it is full.
 */
@Component
class DashboardDocuments {

    final MongoCollection<Document> rows;
    final CoachRowVersions coachRows;
    final TimelineDays days;
    final OwnerIndex timelineMonths;
    final OwnerIndex daysByMonth;

    /** Indexes of the timeline before it was kept in days: the ids, then the entries of each client and month. */
    private static final List<String> RETIRED_MONTH_INDEXES = List.of("dashboard_timeline_by_month",
                                                                      "dashboard_timeline_entries_by_month");
    /** The timeline before it was bucketed by day, one document per event: moved into the days on first start. */
    private static final String EVENT_PER_DOCUMENT_TIMELINE = "dashboard_timeline";
    private static final int MOVED_PER_WRITE = 1000;
    /** Days a timeline page reads per query, newest first. */
    private static final int DAYS_PER_READ = 4;
    final MonthSnapshots monthEnds;
    final LateArrivals lateArrivals;
    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> FIELDS =
            new com.fasterxml.jackson.core.type.TypeReference<>() { };
    private final ObjectMapper json = JsonMapper.builder().addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .addModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    DashboardDocuments(com.mongodb.client.MongoClient mongoClient, @Value("${rekindle.mongo.database}") String database) {
        MongoDatabase db = mongoClient.getDatabase(database);
        this.monthEnds = new MonthSnapshots(db.getCollection("dashboard_month_ends"));
        this.lateArrivals = new LateArrivals(db.getCollection("dashboard_late_arrivals"));
        this.rows = db.getCollection("dashboard_rows");
        this.coachRows = new CoachRowVersions(db.getCollection("dashboard_coach_rows"));
        MongoCollection<Document> dayDocuments = db.getCollection("dashboard_timeline_days");
        this.days = new TimelineDays(dayDocuments);
        this.timelineMonths = new OwnerIndex(db.getCollection("dashboard_timeline_months"));
        this.daysByMonth = new OwnerIndex(db.getCollection("dashboard_timeline_days_by_month"));
        rows.createIndex(com.mongodb.client.model.Indexes.ascending("coachId"));
        List<String> collections = db.listCollectionNames().into(new ArrayList<>());
        RETIRED_MONTH_INDEXES.stream().filter(collections::contains) // dropping a missing one is an error the server logs
                             .forEach(name -> db.getCollection(name).drop());
        if (collections.contains(EVENT_PER_DOCUMENT_TIMELINE)) {
            moveIntoDays(db.getCollection(EVENT_PER_DOCUMENT_TIMELINE));
        }
        coachRows.buildOnceFrom(rows);
        daysByMonth.buildOnceFrom(dayDocuments, doc -> TimelineDays.monthOfDocument(doc.getString("_id")),
                                  doc -> TimelineDays.dayOfDocument(doc.getString("_id")).toString(), "_id");
    }

    /**
     * A timeline stored before the days (one document per event): its events are added to their days and indexed,
     * then the old collection goes. Adding is idempotent, so a crash half-way simply does it again on the next start.
     */
    private void moveIntoDays(MongoCollection<Document> old) {
        List<ClientEvent> batch = new ArrayList<>();
        for (Document doc : old.find()) {
            if (doc.getString("clientId") == null || doc.getDate("time") == null) {
                continue;
            }
            batch.add(new ClientEvent(doc.getString("_id"), doc.getString("clientId"), doc.getString("type"),
                                      doc.getDate("time").toInstant(), doc.get("data", new Document()), recordedAt(doc)));
            if (batch.size() == MOVED_PER_WRITE) {
                addToTimeline(batch);
                batch.clear();
            }
        }
        addToTimeline(batch);
        old.drop();
    }

    /** The events in their days, then each client's months and days in the indexes (three bulk writes, idempotent). */
    void addToTimeline(List<ClientEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        days.add(events);
        index(events);
    }

    /** Each client's months and each client-month's days of these events in the indexes. */
    void index(List<ClientEvent> events) {
        Map<String, Set<String>> daysOfClientMonth = new LinkedHashMap<>();
        Map<String, Set<String>> monthsByClient = new LinkedHashMap<>();
        for (ClientEvent event : events) {
            String month = month(event.time());
            daysOfClientMonth.computeIfAbsent(event.clientId() + "/" + month, m -> new LinkedHashSet<>())
                             .add(TimelineDays.day(event.time()).toString());
            monthsByClient.computeIfAbsent(event.clientId(), c -> new LinkedHashSet<>()).add(month);
        }
        daysByMonth.add(daysOfClientMonth);
        timelineMonths.add(monthsByClient);
    }

    /** The client's events of these months, oldest first. */
    List<ClientEvent> eventsOf(String clientId, Collection<String> months) {
        return days.eventsOf(clientId, months, null);
    }

    /** The client's events of these months up to and including {@code lastDay}, oldest first. */
    List<ClientEvent> eventsOf(String clientId, Collection<String> months, LocalDate lastDay) {
        return days.eventsOf(clientId, months, lastDay);
    }

    /**
     * The client's events newest first (time, then id, descending), read a few days at a time as the caller goes on:
     * a caller that stops early reads only the days it went through.
     */
    Iterator<ClientEvent> newestFirst(String clientId) {
        Iterator<LocalDate> daysNewestFirst = monthsOf(clientId).stream().sorted(Comparator.reverseOrder())
                .flatMap(month -> daysOf(clientId, month).stream().sorted(Comparator.reverseOrder())).iterator();
        return new Iterator<>() {
            private Iterator<ClientEvent> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && daysNewestFirst.hasNext()) {
                    List<LocalDate> next = new ArrayList<>();
                    while (next.size() < DAYS_PER_READ && daysNewestFirst.hasNext()) {
                        next.add(daysNewestFirst.next());
                    }
                    List<ClientEvent> read = new ArrayList<>(days.eventsOfDays(clientId, next));
                    java.util.Collections.reverse(read);
                    current = read.iterator();
                }
                return current.hasNext();
            }

            @Override
            public ClientEvent next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    private List<LocalDate> daysOf(String clientId, String month) {
        return daysByMonth.ids(clientId + "/" + month).stream().map(day -> LocalDate.parse((String) day)).toList();
    }

    /** When the event was recorded; events stored before this was kept count as recorded when they happened. */
    private static Instant recordedAt(Document doc) {
        Date recorded = doc.getDate("recordedAt");
        return (recorded != null ? recorded : doc.getDate("time")).toInstant();
    }

    List<String> monthsOf(String clientId) {
        return timelineMonths.ids(clientId).stream().map(String::valueOf).toList();
    }

    /** The UTC month of an instant, {@code yyyy-MM}: months of a client sort as strings. */
    static String month(Instant time) {
        return YearMonth.from(time.atOffset(ZoneOffset.UTC)).toString();
    }

    DashboardRow read(Document doc) {
        return readRow(doc.get("row", Document.class));
    }

    /** The row from its stored fields: converted by Jackson from the document's map, no JSON text in between. */
    DashboardRow readRow(Document row) {
        try {
            return json.convertValue(row, DashboardRow.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("unreadable dashboard row of " + row.get("clientId"), e);
        }
    }

    /** The row's fields as a document to store (the same fields and values JSON would give). */
    Document toDocument(DashboardRow row) {
        try {
            return new Document(json.convertValue(row, FIELDS));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cannot store dashboard row " + row.clientId, e);
        }
    }

    /**
     * The ids of the last events applied to a row, kept as one string (ids cannot hold a space): a list of 500 strings
     * costs the store an object each on every write of the row. Rows written before read as the list they kept.
     */
    static List<String> seenOf(Document doc) {
        String joined = doc.getString("seenIds");
        if (joined != null) {
            return joined.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(joined.split(" ")));
        }
        return new ArrayList<>(doc.getList("seen", String.class, List.of()));
    }

    static String seenField(List<String> seen) {
        return String.join(" ", seen);
    }
}
