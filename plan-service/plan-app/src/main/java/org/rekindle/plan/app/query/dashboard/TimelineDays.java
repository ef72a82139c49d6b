package org.rekindle.plan.app.query.dashboard;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.rekindle.platform.readmodel.BulkUpserts;
import org.rekindle.platform.readmodel.ByIds;
import org.rekindle.platform.readmodel.ExactKeyMatch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * <p>
 * A day holds at most {@value #EVENTS_PER_PART} events per document: a busier day goes on in parts
 * ({@code clientId/yyyy-MM-dd#2}, {@code #3}, ...), counted in {@code parts} on the day's first document. Why: the
 * MongoDB-wire server copies and re-encodes a whole document on every update, so each event added to a day of n
 * events cost O(n) (8.5 ms per update for days of ~450 events, more than every other command of a check-in together:
 * write benchmark, 7 Dec). Which part a day is filling is kept in memory by the writer (one per client: its
 * processor segment), read from the day's documents the first time a day is touched ({@link DayFills}).
 */
final class TimelineDays {

    static final int EVENTS_PER_PART = 100;
    /** Writes of a batch's events before giving up: another attempt only after a part held other than expected. */
    private static final int WRITE_ATTEMPTS = 3;

    private static final String BY_ID = "byId";
    private static final String LEGACY_EVENTS = "events";
    /** On a day's first document: how many documents the day has (absent: one). */
    private static final String PARTS = "parts";
    /** On each document: the events set into it. */
    private static final String HELD = "held";
    private static final char PART_MARK = '#';

    private final MongoCollection<Document> days;
    /** A part by {@code _id} and {@code held}, through a unique index (the embedded server would scan otherwise). */
    private final ExactKeyMatch partHolding;
    private final DayFills fills = new DayFills();

    TimelineDays(MongoCollection<Document> days) {
        this.days = days;
        this.partHolding = ExactKeyMatch.on(days, HELD);
    }

    /**
     * One unordered bulk write for the events: a {@code $set} of each under its key into its day's part that is
     * filling (upserts); a day that needs another part gets it, its first document the new count before it (one more
     * write, once per {@value #EVENTS_PER_PART} events, so a crash between the two never leaves a part that no day
     * leads to: a part led to but missing is read as empty).
     * <p>
     * An event the day already holds is not set again, however late it comes again (a copy on the topic, a batch
     * after a crash): the rows remember only their last events, and a day filling on would take it into a newer part.
     * A day this instance has not written since it started is read first; one it has, by the prints of its events,
     * and read when a print matches. Each part is written only if it holds what this instance thinks it holds
     * (another instance may have written the day meanwhile, after a rebalance, or emptied the store for a rebuild): a
     * new part is created only where none is, a part that goes on must be there holding that count. Otherwise the
     * batch's days are read again and the events set again (those the write did set are then found there).
     */
    void add(Collection<ClientEvent> events) {
        for (int attempt = 1; !addOnce(events); attempt++) {
            fills.forget();
            if (attempt == WRITE_ATTEMPTS) {
                throw new IllegalStateException("the timeline's days of this batch changed under its writer "
                                                + WRITE_ATTEMPTS + " times; the processor retries the batch");
            }
        }
    }

    /** Sets the events into their days; false if a part did not hold what this instance thought (nothing kept). */
    private boolean addOnce(Collection<ClientEvent> events) {
        Map<String, List<ClientEvent>> byDay = new LinkedHashMap<>();
        for (ClientEvent event : events) {
            byDay.computeIfAbsent(id(event.clientId(), day(event.time())), d -> new ArrayList<>()).add(event);
        }
        Map<String, DayFills.Fill> filling = fills.of(byDay.keySet());
        Map<String, Set<String>> storedIn = new HashMap<>();
        // a day not written here since the start: read, and filled on from where its documents are
        List<String> unknown = byDay.keySet().stream().filter(dayId -> !filling.containsKey(dayId)).toList();
        storedDays(unknown).forEach((dayId, day) -> {
            storedIn.put(dayId, day.ids());
            filling.put(dayId, day.fill());
        });
        storedDays(daysThatMayHoldOneOf(byDay, filling, storedIn.keySet()))
                .forEach((dayId, day) -> storedIn.put(dayId, day.ids()));
        Map<String, PartUpdate> byDocument = new LinkedHashMap<>();
        List<UpdateOneModel<Document>> newParts = new ArrayList<>();
        for (Map.Entry<String, List<ClientEvent>> day : byDay.entrySet()) {
            String dayId = day.getKey();
            String clientId = day.getValue().get(0).clientId();
            Set<String> stored = new HashSet<>(storedIn.getOrDefault(dayId, Set.of()));
            DayFills.Fill fill = filling.get(dayId);
            boolean opensAPart = false;
            for (ClientEvent event : day.getValue()) {
                if (!stored.add(event.eventId())) {
                    continue;
                }
                int heldBefore = fill.held() >= EVENTS_PER_PART ? 0 : fill.held();
                fill = fill.withOneMore(EVENTS_PER_PART, event.eventId());
                opensAPart |= heldBefore == 0 && fill.part() > 1;
                byDocument.computeIfAbsent(partId(dayId, fill.part()), d -> new PartUpdate(clientId, heldBefore))
                          .add(event);
            }
            if (opensAPart) {
                newParts.add(new UpdateOneModel<>(Filters.eq("_id", dayId), Updates.combine(
                        Updates.set("clientId", clientId), Updates.max(PARTS, fill.part()),
                        Updates.setOnInsert(HELD, 0)), // a day begun in this batch: its first part is written next
                        new UpdateOptions().upsert(true)));
            }
            filling.put(dayId, fill);
        }
        List<UpdateOneModel<Document>> updates = new ArrayList<>();
        byDocument.forEach((id, update) -> updates.add(new UpdateOneModel<>(
                partHolding.filter(id, update.heldBefore), update.combined(),
                new UpdateOptions().upsert(update.heldBefore == 0))));
        try {
            BulkUpserts.write(days, newParts); // first: a part is never written that its day does not lead to
            if (!updates.isEmpty()) {
                // not BulkUpserts: a part holding other than expected fails on _id, and must not be written again
                BulkWriteResult result = days.bulkWrite(updates, new BulkWriteOptions().ordered(false));
                if (result.getMatchedCount() + result.getUpserts().size() < updates.size()) {
                    return false; // a part that should go on is not there (emptied for a rebuild elsewhere)
                }
            }
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().allMatch(
                    error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                return false; // a part to create is there already, or holds other than expected
            }
            fills.forget();
            throw e;
        } catch (RuntimeException e) {
            fills.forget(); // what was written is not known: read the days again when the batch comes again
            throw e;
        }
        fills.remember(filling);
        return true;
    }

    /**
     * Of the days this instance knows (not just read), those whose prints hold one of the batch's events: the day
     * holds it already (a copy, a redelivery), or two ids share a print. Only these are read.
     */
    private static List<String> daysThatMayHoldOneOf(Map<String, List<ClientEvent>> byDay,
                                                     Map<String, DayFills.Fill> filling, Set<String> read) {
        List<String> doubtful = new ArrayList<>();
        byDay.forEach((dayId, dayEvents) -> {
            EventPrints prints = filling.get(dayId).prints();
            boolean printed = dayEvents.stream().anyMatch(event -> prints.contains(EventPrints.of(event.eventId())));
            if (!read.contains(dayId) && printed) {
                doubtful.add(dayId);
            }
        });
        return doubtful;
    }

    /**
     * A day as its documents hold it: how many parts it has, the events set into its last part, and the ids of all
     * its events. A part stored before parts were counted counts as full, so the day goes on in a new one.
     */
    private record StoredDay(int parts, int heldInLast, Set<String> ids) {

        /** Where this day is filled on from, knowing every event it holds. */
        DayFills.Fill fill() {
            EventPrints prints = new EventPrints();
            ids.forEach(id -> prints.add(EventPrints.of(id)));
            return new DayFills.Fill(parts, heldInLast, prints);
        }
    }

    /**
     * These days as stored, from their documents (read whole: at most {@value #EVENTS_PER_PART} events each); an entry
     * for every day asked, a day without documents as one empty part.
     */
    private Map<String, StoredDay> storedDays(List<String> dayIds) {
        Map<String, Integer> partsOfDay = new HashMap<>();
        Map<String, Integer> heldInLast = new HashMap<>();
        Map<String, Set<String>> ids = new HashMap<>();
        dayIds.forEach(dayId -> ids.put(dayId, new HashSet<>()));
        if (!dayIds.isEmpty()) {
            List<Document> firsts = ByIds.find(days, dayIds);
            firsts.forEach(first -> partsOfDay.put(first.getString("_id"), partsOf(first)));
            for (Document part : withParts(firsts)) {
                String partId = part.getString("_id");
                String dayId = dayIdOf(partId);
                storedEvents(part).forEach(event -> ids.get(dayId).add(event.getString("id")));
                if (partId.equals(partId(dayId, partsOfDay.get(dayId)))) {
                    heldInLast.put(dayId, heldIn(part));
                }
            }
        }
        Map<String, StoredDay> stored = new HashMap<>();
        dayIds.forEach(dayId -> stored.put(dayId, new StoredDay(partsOfDay.getOrDefault(dayId, 1),
                                                                heldInLast.getOrDefault(dayId, 0), ids.get(dayId))));
        return stored;
    }

    /** What one bulk write does to one of a day's documents. */
    private static final class PartUpdate {

        private final List<Bson> changes = new ArrayList<>();
        /** The events the part holds before this write: the write is made only if it still does. */
        private final int heldBefore;
        private int added;

        PartUpdate(String clientId, int heldBefore) {
            this.heldBefore = heldBefore;
            changes.add(Updates.set("clientId", clientId));
        }

        void add(ClientEvent event) {
            changes.add(Updates.set(BY_ID + "." + key(event.eventId()), stored(event)));
            added++;
        }

        Bson combined() {
            List<Bson> all = new ArrayList<>(changes);
            if (added > 0) {
                all.add(Updates.inc(HELD, added));
            }
            return Updates.combine(all);
        }
    }

    private static int partsOf(Document first) {
        Number parts = first.get(PARTS, Number.class);
        return parts != null ? parts.intValue() : 1;
    }

    private static int heldIn(Document part) {
        Number held = part.get(HELD, Number.class);
        return held != null ? held.intValue() : EVENTS_PER_PART;
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
            for (Document bucket : withParts(ByIds.find(days, ids))) {
                Document kept = new Document();
                storedEvents(bucket).stream().filter(keep).forEach(event -> kept.put(key(event.getString("id")), event));
                Number parts = bucket.get(PARTS, Number.class);
                if (kept.isEmpty() && parts == null) {
                    days.deleteOne(Filters.eq("_id", bucket.get("_id")));
                } else {
                    Document rewritten = new Document("clientId", clientId).append(HELD, kept.size())
                                                                           .append(BY_ID, kept);
                    if (parts != null) {
                        rewritten.append(PARTS, parts); // the day's first document: its parts are still read through it
                    }
                    days.replaceOne(Filters.eq("_id", bucket.get("_id")), rewritten, new ReplaceOptions());
                }
            }
        }
        fills.forget();
    }

    void clear() {
        days.deleteMany(new Document());
        fills.forget();
    }

    /** These day documents and the further parts of those that have them. */
    private List<Document> withParts(List<Document> firsts) {
        List<String> more = new ArrayList<>();
        for (Document first : firsts) {
            int parts = partsOf(first);
            for (int part = 2; part <= parts; part++) {
                more.add(partId(first.getString("_id"), part));
            }
        }
        if (more.isEmpty()) {
            return firsts;
        }
        List<Document> all = new ArrayList<>(firsts);
        all.addAll(ByIds.find(days, more));
        return all;
    }

    private List<ClientEvent> read(String clientId, Collection<String> dayIds, Predicate<ClientEvent> wanted) {
        Map<String, ClientEvent> byId = new LinkedHashMap<>();
        for (Document bucket : withParts(ByIds.find(days, dayIds))) {
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

    /** The {@code _id} of a day's part: the day's own for the first, {@code #n} after it for the others. */
    static String partId(String dayId, int part) {
        return part == 1 ? dayId : dayId + PART_MARK + part;
    }

    /** The day's first document's {@code _id} of any of its parts' {@code _id}s. */
    static String dayIdOf(String documentId) {
        int mark = documentId.lastIndexOf(PART_MARK);
        return mark > documentId.lastIndexOf('/') ? documentId.substring(0, mark) : documentId;
    }

    /** The day of a day document's {@code _id} (clientId/yyyy-MM-dd, maybe #n; a client id may hold a {@code /}). */
    static LocalDate dayOfDocument(String id) {
        String dayId = dayIdOf(id);
        return LocalDate.parse(dayId.substring(dayId.lastIndexOf('/') + 1));
    }

    /** The index owner of a day document's {@code _id}: clientId/yyyy-MM. */
    static String monthOfDocument(String id) {
        String dayId = dayIdOf(id);
        return dayId.substring(0, dayId.length() - "-dd".length());
    }
}
