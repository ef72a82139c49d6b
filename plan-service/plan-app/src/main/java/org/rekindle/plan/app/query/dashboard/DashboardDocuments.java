package org.rekindle.plan.app.query.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.rekindle.platform.readmodel.ByIds;
import org.rekindle.platform.readmodel.DocumentOrder;
import org.rekindle.platform.readmodel.OwnerIndex;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * The dashboard's collections, shared by its writes ({@link DashboardStore}) and its queries
 * ({@link DashboardQueries}). {@code dashboard_rows}: one document per client with its folded row and the ids
 * of the last events applied (a redelivered event is recognised and skipped). {@code dashboard_timeline}: one
 * document per event, keyed by its id. Reading a coach's dashboard touches one row per client, never the events,
 * so its cost grows with the number of clients, not with history.
 * <p>
 * The timeline grows with history, so a client's events are found through two small indexes, by {@code _id} only
 * (the embedded MongoDB-wire server ignores non-unique indexes and would scan every event of every client):
 * {@code dashboard_timeline_months} lists the months (UTC, {@code yyyy-MM}) a client has events in, and
 * {@code dashboard_timeline_entries_by_month} the events of each client and month ({@code _id} = clientId/yyyy-MM),
 * each with its time and type ({@link TimelineEntry}). Time travel starts from the client's row at the end of the
 * month before its instant ({@code dashboard_month_ends}) and reads one month of events; a timeline page chooses
 * its events from the month entries, newest month first, and reads only those.
 */
@Component
class DashboardDocuments {

    final MongoCollection<Document> rows;
    final MongoCollection<Document> timeline;
    final OwnerIndex timelineMonths;
    final OwnerIndex timelineByMonth;

    /** The index before it kept times and types (ids only): replaced by {@code dashboard_timeline_entries_by_month}. */
    private static final String IDS_ONLY_MONTH_INDEX = "dashboard_timeline_by_month";
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
        this.timeline = db.getCollection("dashboard_timeline");
        this.timelineMonths = new OwnerIndex(db.getCollection("dashboard_timeline_months"));
        this.timelineByMonth = new OwnerIndex(db.getCollection("dashboard_timeline_entries_by_month"));
        rows.createIndex(com.mongodb.client.model.Indexes.ascending("coachId"));
        timeline.createIndex(com.mongodb.client.model.Indexes.ascending("clientId", "time"));
        timelineByMonth.buildOnceFrom(timeline, doc -> monthOf(doc.getString("clientId"), doc.getDate("time")),
                                      doc -> new TimelineEntry(doc.getDate("time").toInstant(), doc.getString("_id"),
                                                               doc.getString("type")).stored(),
                                      "clientId", "time", "type");
        if (db.listCollectionNames().into(new java.util.ArrayList<>()).contains(IDS_ONLY_MONTH_INDEX)) {
            db.getCollection(IDS_ONLY_MONTH_INDEX).drop(); // dropping a missing one is an error the server logs
        }
        timelineMonths.buildOnceFrom(timeline, doc -> doc.getDate("time") == null ? null : doc.getString("clientId"),
                                     doc -> month(doc.getDate("time").toInstant()), "clientId", "time");
    }

    /** The client's events of these months, oldest first: found by id through the month index. */
    List<ClientEvent> eventsOf(String clientId, Collection<String> months) {
        List<String> owners = months.stream().map(month -> clientId + "/" + month).toList();
        return eventsWithIds(clientId, timelineByMonth.ids(owners).stream()
                                                 .map(stored -> TimelineEntry.parse((String) stored).eventId())
                                                 .toList());
    }

    /** What the month index lists for the client's month, in no particular order. */
    List<TimelineEntry> entriesOf(String clientId, String month) {
        return timelineByMonth.ids(clientId + "/" + month).stream().map(stored -> TimelineEntry.parse((String) stored))
                              .toList();
    }

    /** These events of the client, oldest first (ids of another client's events are ignored). */
    List<ClientEvent> eventsWithIds(String clientId, List<String> ids) {
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
