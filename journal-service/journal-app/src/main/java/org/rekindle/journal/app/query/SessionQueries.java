package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.rekindle.journal.app.command.TextCipher;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Calendars, sessions and free slots, every read on {@code _id}: a coach's calendar document (rule, days off and the
 * index of their sessions), then the sessions of one list by {@code _id}. Reasons and notes are opened with the
 * client's key here (they read as erased once the client is).
 */
@Component
public class SessionQueries {

    public static final int MAX_PAST = 100;
    public static final int DEFAULT_PAST = 20;
    public static final int MAX_WEEKS = 12;

    private final MongoCollection<Document> calendars;
    private final MongoCollection<Document> sessions;
    private final MongoCollection<Document> clients;
    private final TextCipher cipher;

    SessionQueries(SessionCollections collections, TextCipher cipher) {
        this.calendars = collections.calendars();
        this.sessions = collections.sessions();
        this.clients = collections.clients();
        this.cipher = cipher;
    }

    /** Whether the coach has set a weekly availability. */
    public boolean offersSlots(String coachId) {
        Document calendar = calendars.find(Filters.eq("_id", coachId)).first();
        return calendar != null && calendar.getString("zone") != null;
    }

    public CalendarView calendar(String coachId, int pastLimit, Instant now) {
        Document calendar = calendars.find(Filters.eq("_id", coachId)).first();
        if (calendar == null || calendar.getString("zone") == null) {
            return new CalendarView(coachId, null, null, List.of(), List.of(), List.of(), List.of());
        }
        ZoneId zone = ZoneId.of(calendar.getString("zone"));
        String today = now.atZone(zone).toLocalDate().toString();
        List<CalendarView.Slot> slots = calendar.getList("slots", Document.class, List.of()).stream()
                .map(slot -> new CalendarView.Slot(slot.getString("day"), slot.getString("start"))).toList();
        List<String> daysOff = calendar.getList("exceptions", String.class, List.of()).stream()
                .filter(day -> day.compareTo(today) >= 0).toList();
        List<Document> index = calendar.getList("sessions", Document.class, List.of());
        List<String> upcomingIds = index.stream()
                .filter(e -> e.getBoolean("booked", false) && e.getDate("end").toInstant().isAfter(now))
                .map(e -> e.getString("id")).toList();
        List<String> pastIds = index.stream()
                .filter(e -> !e.getBoolean("booked", false) || !e.getDate("end").toInstant().isAfter(now))
                .sorted(Comparator.comparing((Document e) -> e.getDate("start")).reversed())
                .limit(Math.min(pastLimit, MAX_PAST)).map(e -> e.getString("id")).toList();
        List<SessionView> upcoming = byId(upcomingIds);
        upcoming.sort(Comparator.comparing(SessionView::start));
        List<SessionView> past = byId(pastIds);
        past.sort(Comparator.comparing(SessionView::start).reversed());
        return new CalendarView(coachId, zone.getId(), calendar.getInteger("minutes"), slots, daysOff,
                                List.copyOf(upcoming), List.copyOf(past));
    }

    /** The free slots of the coach from {@code now} for {@code weeks} weeks (empty without a weekly rule). */
    public FreeSlotsView freeSlots(String coachId, int weeks, Instant now) {
        Instant until = now.plusSeconds(7L * 86_400 * Math.min(weeks, MAX_WEEKS));
        Document calendar = calendars.find(Filters.eq("_id", coachId)).first();
        if (calendar == null || calendar.getString("zone") == null) {
            return new FreeSlotsView(coachId, null, null, until, List.of());
        }
        ZoneId zone = ZoneId.of(calendar.getString("zone"));
        int minutes = calendar.getInteger("minutes");
        List<FreeSlots.Weekly> rule = calendar.getList("slots", Document.class, List.of()).stream()
                .map(slot -> new FreeSlots.Weekly(DayOfWeek.valueOf(slot.getString("day")),
                                                  LocalTime.parse(slot.getString("start")))).toList();
        Set<LocalDate> daysOff = calendar.getList("exceptions", String.class, List.of()).stream()
                .map(LocalDate::parse).collect(Collectors.toSet());
        List<FreeSlots.Busy> busy = calendar.getList("sessions", Document.class, List.of()).stream()
                .filter(e -> e.getBoolean("booked", false))
                .map(e -> new FreeSlots.Busy(e.getDate("start").toInstant(), e.getDate("end").toInstant()))
                .filter(b -> b.end().isAfter(now)).toList();
        return new FreeSlotsView(coachId, zone.getId(), minutes, until,
                                 FreeSlots.between(zone, minutes, rule, daysOff, busy, now, until));
    }

    /** One session, notes included (the caller decides who sees them). */
    public Optional<SessionView> session(String sessionId) {
        return Optional.ofNullable(sessions.find(Filters.eq("_id", sessionId)).first()).map(this::view);
    }

    /**
     * A client's sessions ({@code withCoach} non-null: only those with that coach), upcoming soonest first and the
     * rest latest first, at most {@code pastLimit} of them.
     */
    public ClientSessionsView ofClient(String clientId, String withCoach, int pastLimit, Instant now) {
        Document index = clients.find(Filters.eq("_id", clientId)).first();
        List<String> ids = index == null ? List.of() : index.getList("sessions", Document.class, List.of()).stream()
                .filter(e -> withCoach == null || withCoach.equals(e.getString("coachId")))
                .map(e -> e.getString("id")).distinct().toList();
        List<SessionView> all = byId(ids);
        List<SessionView> upcoming = all.stream().filter(s -> s.upcoming(now))
                                        .sorted(Comparator.comparing(SessionView::start)).toList();
        List<SessionView> past = all.stream().filter(s -> !s.upcoming(now))
                                    .sorted(Comparator.comparing(SessionView::start).reversed())
                                    .limit(Math.min(pastLimit, MAX_PAST)).toList();
        return new ClientSessionsView(clientId, upcoming, past);
    }

    /** Every session of the client with any coach, oldest first, notes included: for the client's own export. */
    /** The coaches in whose calendars the client has (or had) sessions. */
    public List<String> coachesOf(String clientId) {
        Document index = clients.find(Filters.eq("_id", clientId)).first();
        return index == null ? List.of() : index.getList("sessions", Document.class, List.of()).stream()
                .map(e -> e.getString("coachId")).filter(java.util.Objects::nonNull).distinct().toList();
    }

    public List<SessionView> allOf(String clientId) {
        Document index = clients.find(Filters.eq("_id", clientId)).first();
        List<String> ids = index == null ? List.of() : index.getList("sessions", Document.class, List.of()).stream()
                .map(e -> e.getString("id")).distinct().toList();
        List<SessionView> all = byId(ids);
        all.sort(Comparator.comparing(SessionView::start));
        return List.copyOf(all);
    }

    private List<SessionView> byId(List<String> ids) {
        List<SessionView> found = new ArrayList<>();
        if (!ids.isEmpty()) {
            sessions.find(Filters.in("_id", new HashSet<>(ids))).forEach(doc -> found.add(view(doc)));
        }
        return found;
    }

    private SessionView view(Document doc) {
        String clientId = doc.getString("clientId");
        ZoneId zone = ZoneId.of(doc.getString("zone"));
        Instant start = doc.getDate("start").toInstant();
        List<SessionView.Change> changes = doc.getList("changes", Document.class, List.of()).stream()
                .map(c -> new SessionView.Change(c.getString("kind"), c.getString("by"),
                                                 cipher.open(clientId, c.getString("reason")),
                                                 c.getDate("at").toInstant(), instant(c.getDate("previousStart")),
                                                 instant(c.getDate("start")))).toList();
        return new SessionView(doc.getString("_id"), doc.getString("coachId"), clientId, start,
                               doc.getDate("end").toInstant(), zone.getId(), start.atZone(zone).toLocalDateTime(),
                               doc.getString("status"), doc.getInteger("sequence", 0),
                               doc.getDate("bookedAt").toInstant(), changes, doc.getString("outcome"),
                               instant(doc.getDate("outcomeRecordedAt")),
                               cipher.open(clientId, doc.getString("notes")));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
