package org.rekindle.plan.app.query.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's collections, shared by its writes ({@link DashboardStore}) and its queries
 * ({@link DashboardQueries}). {@code dashboard_rows}: one document per client with its folded row and the ids
 * of the last events applied (a redelivered event is recognised and skipped). {@code dashboard_timeline_days}: the
 * events, one document per client and UTC day ({@link TimelineDays}). Reading a coach's dashboard touches one row per
 * client, never the events, so its cost grows with the number of clients, not with history.
 * <p>
 * The timeline grows with history, so a client's events are found through two small indexes, by {@code _id} only
 * (the embedded MongoDB-wire server ignores non-unique indexes and would scan every event of every client):
 * {@code dashboard_timeline_months} lists the months (UTC, {@code yyyy-MM}) a client has events in, and
 * {@code dashboard_timeline_entries_by_month} the events of each client and month ({@code _id} = clientId/yyyy-MM),
 * each with its time and type ({@link TimelineEntry}). Time travel starts from the client's row at the end of the
 * month before its instant ({@code dashboard_month_ends}) and reads the days of one month up to that instant, at most
 * 31 documents; a timeline page chooses its events from the month entries, newest month first, and reads only the
 * days they fall in.
 */
@Component
class DashboardDocuments {

    final MongoCollection<Document> rows;
    final TimelineDays days;
    final OwnerIndex timelineMonths;
    final OwnerIndex timelineByMonth;

    /** The index before it kept times and types (ids only): replaced by {@code dashboard_timeline_entries_by_month}. */
    private static final String IDS_ONLY_MONTH_INDEX = "dashboard_timeline_by_month";
    /** The timeline before it was bucketed by day, one document per event: moved into the days on first start. */
    private static final String EVENT_PER_DOCUMENT_TIMELINE = "dashboard_timeline";
    private static final int MOVED_PER_WRITE = 1000;
    final MonthSnapshots monthEnds;
    final LateArrivals lateArrivals;
    private final ObjectMapper json = JsonMapper.builder().addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .addModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    DashboardDocuments(com.mongodb.client.MongoClient mongoClient, @Value("${rekindle.mongo.database}") String database) {
        MongoDatabase db = mongoClient.getDatabase(database);
        this.monthEnds = new MonthSnapshots(db.getCollection("dashboard_month_ends"));
        this.lateArrivals = new LateArrivals(db.getCollection("dashboard_late_arrivals"));
        this.rows = db.getCollection("dashboard_rows");
        this.days = new TimelineDays(db.getCollection("dashboard_timeline_days"));
        this.timelineMonths = new OwnerIndex(db.getCollection("dashboard_timeline_months"));
        this.timelineByMonth = new OwnerIndex(db.getCollection("dashboard_timeline_entries_by_month"));
        rows.createIndex(com.mongodb.client.model.Indexes.ascending("coachId"));
        List<String> collections = db.listCollectionNames().into(new ArrayList<>());
        if (collections.contains(IDS_ONLY_MONTH_INDEX)) {
            db.getCollection(IDS_ONLY_MONTH_INDEX).drop(); // dropping a missing one is an error the server logs
        }
        if (collections.contains(EVENT_PER_DOCUMENT_TIMELINE)) {
            moveIntoDays(db.getCollection(EVENT_PER_DOCUMENT_TIMELINE));
        }
    }

    /**
     * A timeline stored before the days (one document per event): its events are indexed and added to their days,
     * then the old collection goes. Adding is idempotent, so a crash half-way simply does it again on the next start.
     */
    private void moveIntoDays(MongoCollection<Document> old) {
        timelineByMonth.buildOnceFrom(old, doc -> monthOf(doc.getString("clientId"), doc.getDate("time")),
                                      doc -> new TimelineEntry(doc.getDate("time").toInstant(), doc.getString("_id"),
                                                               doc.getString("type")).stored(),
                                      "clientId", "time", "type");
        timelineMonths.buildOnceFrom(old, doc -> doc.getDate("time") == null ? null : doc.getString("clientId"),
                                     doc -> month(doc.getDate("time").toInstant()), "clientId", "time");
        List<ClientEvent> batch = new ArrayList<>();
        for (Document doc : old.find()) {
            if (doc.getString("clientId") == null || doc.getDate("time") == null) {
                continue;
            }
            batch.add(new ClientEvent(doc.getString("_id"), doc.getString("clientId"), doc.getString("type"),
                                      doc.getDate("time").toInstant(), doc.get("data", new Document()), recordedAt(doc)));
            if (batch.size() == MOVED_PER_WRITE) {
                days.add(batch);
                batch.clear();
            }
        }
        days.add(batch);
        old.drop();
    }

    /** The client's events of these months, oldest first. */
    List<ClientEvent> eventsOf(String clientId, Collection<String> months) {
        return days.eventsOf(clientId, months, null);
    }

    /** The client's events of these months up to and including {@code lastDay}, oldest first. */
    List<ClientEvent> eventsOf(String clientId, Collection<String> months, LocalDate lastDay) {
        return days.eventsOf(clientId, months, lastDay);
    }

    /** What the month index lists for the client's month, in no particular order. */
    List<TimelineEntry> entriesOf(String clientId, String month) {
        return timelineByMonth.ids(clientId + "/" + month).stream().map(stored -> TimelineEntry.parse((String) stored))
                              .toList();
    }

    /** The client's event with this id as the month index lists it, looked for newest month first; empty if none. */
    Optional<TimelineEntry> entryOf(String clientId, String eventId) {
        for (String month : monthsOf(clientId).stream().sorted(Comparator.reverseOrder()).toList()) {
            Optional<TimelineEntry> found = entriesOf(clientId, month).stream()
                                                                      .filter(entry -> entry.eventId().equals(eventId))
                                                                      .findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** These events of the client, oldest first (entries of another client's events find nothing). */
    List<ClientEvent> eventsWithIds(String clientId, List<TimelineEntry> entries) {
        return entries.isEmpty() ? List.of() : days.eventsWithIds(clientId, entries);
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

    private static String monthOf(String clientId, Date time) {
        return clientId == null || time == null ? null : clientId + "/" + month(time.toInstant());
    }

    DashboardRow read(Document doc) {
        return readRow(doc.get("row", Document.class));
    }

    DashboardRow readRow(Document row) {
        try {
            return json.readValue(row.toJson(), DashboardRow.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable dashboard row of " + row.get("clientId"), e);
        }
    }

    String write(DashboardRow row) {
        try {
            return json.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store dashboard row " + row.clientId, e);
        }
    }
}
