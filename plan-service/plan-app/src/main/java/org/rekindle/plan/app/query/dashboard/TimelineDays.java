package org.rekindle.plan.app.query.dashboard;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.rekindle.platform.readmodel.BulkUpserts;
import org.rekindle.platform.readmodel.ByIds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The timeline's events, one document per client and UTC day ({@code dashboard_timeline_days}, {@code _id} =
 * clientId/yyyy-MM-dd, {@code byId} = that day's events with their fields, keyed by event id). Why buckets: the
 * embedded MongoDB-wire server stores about 1,700 documents a second, and a document per event held a rebuild of the
 * dashboard to that pace; a processor batch now writes one document per client and day it touches. Reads are by
 * computed {@code _id}s: a day, a month (its days), never a filter on a field.
 * <p>
 * Adding is idempotent: an event is set under its own key, so a redelivery sets the same fields again. Keyed, not
 * a set: {@code $addToSet} compares each new event with every event already in its day (on the MongoDB-wire server a
 * deep, allocating comparison), which took 30 % of the stack's CPU while 1,000,000 events were taken in. Days
 * written before keeping the key hold an {@code events} array; reads take both, and drop a repeated event id.
 */
final class TimelineDays {

    private static final String BY_ID = "byId";
    private static final String LEGACY_EVENTS = "events";

    private final MongoCollection<Document> days;

    TimelineDays(MongoCollection<Document> days) {
        this.days = days;
    }

    /** One unordered bulk write for the events: a {@code $set} of each under its key, per client and day (upserts). */
    void add(Collection<ClientEvent> events) {
        Map<String, List<Bson>> byDay = new LinkedHashMap<>();
        for (ClientEvent event : events) {
            byDay.computeIfAbsent(id(event.clientId(), day(event.time())),
                                  d -> new ArrayList<>(List.of(Updates.set("clientId", event.clientId()))))
                 .add(Updates.set(BY_ID + "." + key(event.eventId()), stored(event)));
        }
        List<UpdateOneModel<Document>> updates = new ArrayList<>();
        byDay.forEach((id, sets) -> updates.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(sets),
                                                                     new UpdateOptions().upsert(true))));
        BulkUpserts.write(days, updates);
    }

    /**
     * An event id as a field name: MongoDB reads a dot as a path and refuses a leading dollar, so {@code %}, {@code .}
     * and {@code $} are percent-encoded (one id, one key; the id itself is stored in the event).
     */
    static String key(String eventId) {
        return eventId.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    /** The client's events of these months up to and including {@code lastDay} (null: whole months), oldest first. */
    List<ClientEvent> eventsOf(String clientId, Collection<String> months, LocalDate lastDay) {
        List<String> ids = new ArrayList<>();
        for (String month : months) {
            YearMonth yearMonth = YearMonth.parse(month);
            for (LocalDate day = yearMonth.atDay(1); !day.isAfter(yearMonth.atEndOfMonth())
                                                    && (lastDay == null || !day.isAfter(lastDay)); day = day.plusDays(1)) {
                ids.add(id(clientId, day));
            }
        }
        return read(clientId, ids, event -> true);
    }

    /** The client's events of these days, oldest first. */
    List<ClientEvent> eventsOfDays(String clientId, Collection<LocalDate> wanted) {
        return read(clientId, wanted.stream().map(day -> id(clientId, day)).toList(), event -> true);
    }

    /**
     * Keeps only the events of the client's days in these months that {@code keep} accepts; a day left empty goes.
     * Erasure: rare, so a read and a write per day.
     */
    void retain(String clientId, Collection<String> months, Predicate<Document> keep) {
        for (String month : months) {
            List<String> ids = new ArrayList<>();
            YearMonth yearMonth = YearMonth.parse(month);
            for (LocalDate day = yearMonth.atDay(1); !day.isAfter(yearMonth.atEndOfMonth()); day = day.plusDays(1)) {
                ids.add(id(clientId, day));
            }
            for (Document bucket : ByIds.find(days, ids)) {
                Document kept = new Document();
                storedEvents(bucket).stream().filter(keep).forEach(event -> kept.put(key(event.getString("id")), event));
                if (kept.isEmpty()) {
                    days.deleteOne(Filters.eq("_id", bucket.get("_id")));
                } else {
                    days.replaceOne(Filters.eq("_id", bucket.get("_id")),
                                    new Document("clientId", clientId).append(BY_ID, kept), new ReplaceOptions());
                }
            }
        }
    }

    void clear() {
        days.deleteMany(new Document());
    }

    private List<ClientEvent> read(String clientId, Collection<String> dayIds, Predicate<ClientEvent> wanted) {
        Map<String, ClientEvent> byId = new LinkedHashMap<>();
        for (Document bucket : ByIds.find(days, dayIds)) {
            if (!clientId.equals(bucket.getString("clientId"))) {
                continue;
            }
            for (Document stored : storedEvents(bucket)) {
                ClientEvent event = event(clientId, stored);
                if (wanted.test(event)) {
                    byId.putIfAbsent(event.eventId(), event);
                }
            }
        }
        List<ClientEvent> events = new ArrayList<>(byId.values());
        events.sort(Comparator.comparing(ClientEvent::time).thenComparing(ClientEvent::eventId));
        return events;
    }

    /** A day's events as stored: keyed by id, and in the array of days written before the key was kept. */
    private static List<Document> storedEvents(Document day) {
        List<Document> stored = new ArrayList<>(day.getList(LEGACY_EVENTS, Document.class, List.of()));
        Document byId = day.get(BY_ID, Document.class);
        if (byId != null) {
            byId.values().forEach(event -> stored.add((Document) event));
        }
        return stored;
    }

    static Document stored(ClientEvent event) {
        return new Document("id", event.eventId()).append("type", event.type()).append("time", Date.from(event.time()))
                .append("recordedAt", Date.from(event.recordedAt())).append("data", new Document(event.data()));
    }

    private static ClientEvent event(String clientId, Document stored) {
        Date recorded = stored.getDate("recordedAt");
        Date time = stored.getDate("time");
        return new ClientEvent(stored.getString("id"), clientId, stored.getString("type"), time.toInstant(),
                               stored.get("data", Document.class), (recorded != null ? recorded : time).toInstant());
    }

    static LocalDate day(Instant time) {
        return LocalDate.ofInstant(time, ZoneOffset.UTC);
    }

    private static String id(String clientId, LocalDate day) {
        return clientId + "/" + day;
    }

    /** The day of a day document's {@code _id} (clientId/yyyy-MM-dd; a client id may hold a {@code /}). */
    static LocalDate dayOfDocument(String id) {
        return LocalDate.parse(id.substring(id.lastIndexOf('/') + 1));
    }

    /** The index owner of a day document's {@code _id}: clientId/yyyy-MM. */
    static String monthOfDocument(String id) {
        return id.substring(0, id.length() - "-dd".length());
    }
}
