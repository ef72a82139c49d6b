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
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.rekindle.platform.readmodel.IdempotentWrites;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's two collections. {@code dashboard_rows}: one document per client with its folded row and the ids
 * of the last events applied (a redelivered event is recognised and skipped). {@code dashboard_timeline}: one
 * document per event, keyed by its id. Reading a coach's dashboard touches one row per client, never the events,
 * so its cost grows with the number of clients, not with history.
 */
@Component
public class DashboardStore {

    static final int REMEMBERED_EVENT_IDS = 500;

    private final MongoCollection<Document> rows;
    private final MongoCollection<Document> timeline;
    private final ApplicationEventPublisher changes;
    private final ObjectMapper json = JsonMapper.builder().addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .addModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    DashboardStore(com.mongodb.client.MongoClient mongoClient, @Value("${rekindle.mongo.database}") String database,
                   ApplicationEventPublisher changes) {
        MongoDatabase db = mongoClient.getDatabase(database);
        this.rows = db.getCollection("dashboard_rows");
        this.timeline = db.getCollection("dashboard_timeline");
        this.changes = changes;
        rows.createIndex(com.mongodb.client.model.Indexes.ascending("coachId"));
        timeline.createIndex(com.mongodb.client.model.Indexes.ascending("clientId", "time"));
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

    /** The client's stored row and the ids of the last events applied to it (a fresh row if there is none). */
    DashboardBatch.PendingRow load(String clientId) {
        Document current = rows.find(Filters.eq("_id", clientId)).first();
        return new DashboardBatch.PendingRow(current == null ? new DashboardRow(clientId) : read(current),
                                             current == null ? new ArrayList<>()
                                                             : new ArrayList<>(current.getList("seen", String.class)));
    }

    void save(DashboardBatch.PendingRow pending) {
        List<String> seen = pending.seen();
        if (seen.size() > REMEMBERED_EVENT_IDS) {
            seen.subList(0, seen.size() - REMEMBERED_EVENT_IDS).clear();
        }
        DashboardRow row = pending.row();
        rows.replaceOne(Filters.eq("_id", row.clientId), new Document("coachId", row.coachId).append("seen", seen)
                                .append("row", Document.parse(write(row))), new ReplaceOptions().upsert(true));
        changes.publishEvent(new DashboardRowChanged(row.coachId, row.clientId));
    }

    /** The batch's events in the timeline, each once: an id already there (a redelivery) is skipped. */
    void insertTimeline(List<ClientEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Document> docs = events.stream().map(event -> new Document("_id", event.eventId())
                .append("clientId", event.clientId()).append("type", event.type())
                .append("time", Date.from(event.time())).append("data", new Document(event.data()))).toList();
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
    }

    /**
     * The client erased their journal: their journal events leave the timeline and the row is folded again from
     * what remains (the plan's own events), so no mood, urge or contact fact of theirs stays on the dashboard.
     */
    void forgetJournalOf(String clientId) {
        timeline.deleteMany(Filters.and(Filters.eq("clientId", clientId),
                                        Filters.not(Filters.regex("type", "^Plan"))));
        Document current = rows.find(Filters.eq("_id", clientId)).first();
        if (current == null) {
            return;
        }
        List<ClientEvent> remaining = timeline(clientId);
        DashboardRow row = new DashboardRow(clientId);
        remaining.forEach(row::apply);
        List<String> seen = new ArrayList<>(remaining.stream().map(ClientEvent::eventId).toList());
        if (seen.size() > REMEMBERED_EVENT_IDS) {
            seen.subList(0, seen.size() - REMEMBERED_EVENT_IDS).clear();
        }
        rows.replaceOne(Filters.eq("_id", clientId), new Document("coachId", row.coachId).append("seen", seen)
                .append("row", Document.parse(write(row))));
        changes.publishEvent(new DashboardRowChanged(row.coachId, clientId));
    }

    void clear() {
        rows.deleteMany(new Document());
        timeline.deleteMany(new Document());
    }

    /** Every client of the coach, those with risk flags first. */
    public List<DashboardView> coach(String coachId, Instant now) {
        List<DashboardView> views = new ArrayList<>();
        rows.find(Filters.eq("coachId", coachId)).forEach(doc -> views.add(read(doc).asOf(now)));
        views.sort(Comparator.comparingInt((DashboardView v) -> -v.riskFlags().size())
                             .thenComparing(DashboardView::clientId));
        return views;
    }

    public Optional<DashboardView> client(String clientId, Instant now) {
        return Optional.ofNullable(rows.find(Filters.eq("_id", clientId)).first()).map(doc -> read(doc).asOf(now));
    }

    /** Time travel: the row computed from the client's events up to {@code asOf}, as it looked then. */
    public Optional<DashboardView> clientAsOf(String clientId, Instant asOf) {
        List<ClientEvent> events = timeline(Filters.and(Filters.eq("clientId", clientId),
                                                        Filters.lte("time", java.util.Date.from(asOf))), clientId);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        DashboardRow row = new DashboardRow(clientId);
        events.forEach(row::apply);
        return Optional.of(row.asOf(asOf));
    }

    /** Every event of the client, oldest first. */
    public List<ClientEvent> timeline(String clientId) {
        return timeline(Filters.eq("clientId", clientId), clientId);
    }

    private List<ClientEvent> timeline(org.bson.conversions.Bson filter, String clientId) {
        return timeline.find(filter).sort(Sorts.ascending("time", "_id"))
                       .map(doc -> new ClientEvent(doc.getString("_id"), clientId, doc.getString("type"),
                                                   doc.getDate("time").toInstant(),
                                                   doc.get("data", Document.class)))
                       .into(new ArrayList<>());
    }

    private DashboardRow read(Document doc) {
        try {
            return json.readValue(doc.get("row", Document.class).toJson(), DashboardRow.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable dashboard row " + doc.get("_id"), e);
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
