package org.rekindle.plan.app.query.dashboard;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
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
 * clientId/yyyy-MM-dd, {@code events} = that day's events with their fields). Why buckets: the embedded
 * MongoDB-wire server stores about 1,700 documents a second, and a document per event held a rebuild of the
 * dashboard to that pace; a processor batch now writes one document per client and day it touches. Reads are by
 * computed {@code _id}s: a day, a month (its days), never a filter on a field.
 * <p>
 * Adding is idempotent: {@code $addToSet} skips an event already in its day (a redelivery carries the same fields),
 * and reads drop a repeated event id, should a redelivery ever differ.
 */
final class TimelineDays {

    private final MongoCollection<Document> days;

    TimelineDays(MongoCollection<Document> days) {
        this.days = days;
    }

    /** One unordered bulk write for the events: an {@code $addToSet} per client and day they fall in (upserts). */
    void add(Collection<ClientEvent> events) {
        Map<String, List<Document>> byDay = new LinkedHashMap<>();
        Map<String, String> clientOfDay = new LinkedHashMap<>();
        for (ClientEvent event : events) {
            String id = id(event.clientId(), day(event.time()));
            byDay.computeIfAbsent(id, d -> new ArrayList<>()).add(stored(event));
            clientOfDay.put(id, event.clientId());
        }
        List<UpdateOneModel<Document>> updates = new ArrayList<>();
        byDay.forEach((id, docs) -> updates.add(new UpdateOneModel<>(
                Filters.eq("_id", id), Updates.combine(Updates.set("clientId", clientOfDay.get(id)),
                                                       Updates.addEachToSet("events", docs)),
                new UpdateOptions().upsert(true))));
        BulkUpserts.write(days, updates);
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
                List<Document> kept = bucket.getList("events", Document.class, List.of()).stream().filter(keep).toList();
                if (kept.isEmpty()) {
                    days.deleteOne(Filters.eq("_id", bucket.get("_id")));
                } else {
                    days.replaceOne(Filters.eq("_id", bucket.get("_id")),
                                    new Document("clientId", clientId).append("events", kept), new ReplaceOptions());
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
            for (Document stored : bucket.getList("events", Document.class, List.of())) {
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
