package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.rekindle.journal.app.command.api.AvailabilityExceptionAdded;
import org.rekindle.journal.app.command.api.SessionBooked;
import org.rekindle.journal.app.command.api.SessionCancelled;
import org.rekindle.journal.app.command.api.SessionOutcomeRecorded;
import org.rekindle.journal.app.command.api.SessionRescheduled;
import org.rekindle.journal.app.command.api.WeeklyAvailabilitySet;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import static org.rekindle.platform.readmodel.IdempotentWrites.applyOnce;
import static org.rekindle.platform.readmodel.IdempotentWrites.replaceOnce;

/**
 * Builds {@link SessionCollections} from a coach's calendar events. Each event writes the session and the client's
 * index first and the coach's calendar last (read-modify-write by {@code _id}; a tracking segment is its only writer),
 * each guarded by the aggregate's sequence number, so a replay or a redelivery changes nothing. Reasons and notes
 * stay sealed: erasing the client deletes their key and they read as erased wherever they are.
 */
@Component
@ProcessingGroup(JournalReadModel.PROCESSING_GROUP)
class SessionProjection {

    private final MongoCollection<Document> calendars;
    private final MongoCollection<Document> sessions;
    private final MongoCollection<Document> clients;

    SessionProjection(SessionCollections collections) {
        this.calendars = collections.calendars();
        this.sessions = collections.sessions();
        this.clients = collections.clients();
    }

    @EventHandler
    void on(WeeklyAvailabilitySet event, @SequenceNumber long position) {
        List<Document> slots = event.slots().stream()
                .map(slot -> new Document("day", slot.day().name()).append("start", slot.start().toString()))
                .toList();
        updateCalendar(event.coachId(), position, calendar -> calendar.append("zone", event.zone())
                .append("minutes", event.minutes()).append("slots", slots)
                .append("availabilitySetAt", Date.from(event.setAt())));
    }

    @EventHandler
    void on(AvailabilityExceptionAdded event, @SequenceNumber long position) {
        updateCalendar(event.coachId(), position, calendar -> {
            List<String> days = new ArrayList<>(calendar.getList("exceptions", String.class, List.of()));
            if (!days.contains(event.date().toString())) {
                days.add(event.date().toString());
                days.sort(null);
            }
            calendar.append("exceptions", days);
        });
    }

    @EventHandler
    void on(SessionBooked event, @SequenceNumber long position) {
        applyOnce(sessions, event.sessionId(), position, Updates.combine(
                Updates.set("coachId", event.coachId()), Updates.set("clientId", event.clientId()),
                Updates.set("start", Date.from(event.start())), Updates.set("end", Date.from(event.end())),
                Updates.set("zone", event.zone()), Updates.set("status", "BOOKED"), Updates.set("sequence", 0),
                Updates.set("bookedAt", Date.from(event.bookedAt())), Updates.set("changes", List.of())));
        clients.updateOne(Filters.eq("_id", event.clientId()),
                          Updates.addToSet("sessions", new Document("id", event.sessionId())
                                  .append("coachId", event.coachId())), new UpdateOptions().upsert(true));
        updateCalendar(event.coachId(), position, calendar -> {
            List<Document> index = new ArrayList<>(calendar.getList("sessions", Document.class, List.of()));
            index.removeIf(entry -> event.sessionId().equals(entry.getString("id")));
            index.add(new Document("id", event.sessionId()).append("clientId", event.clientId())
                              .append("start", Date.from(event.start())).append("end", Date.from(event.end()))
                              .append("booked", true));
            calendar.append("sessions", index);
        });
    }

    @EventHandler
    void on(SessionRescheduled event, @SequenceNumber long position) {
        applyOnce(sessions, event.sessionId(), position, Updates.combine(
                Updates.set("start", Date.from(event.start())), Updates.set("end", Date.from(event.end())),
                Updates.set("zone", event.zone()), Updates.set("sequence", event.sequence()),
                Updates.push("changes", new Document("kind", "RESCHEDULED").append("by", event.by().name())
                        .append("reason", event.reason()).append("at", Date.from(event.rescheduledAt()))
                        .append("previousStart", Date.from(event.previousStart()))
                        .append("start", Date.from(event.start())))));
        updateSessionIndex(event.coachId(), event.sessionId(), position,
                           entry -> entry.append("start", Date.from(event.start()))
                                         .append("end", Date.from(event.end())));
    }

    @EventHandler
    void on(SessionCancelled event, @SequenceNumber long position) {
        applyOnce(sessions, event.sessionId(), position, Updates.combine(
                Updates.set("status", "CANCELLED"), Updates.set("sequence", event.sequence()),
                Updates.push("changes", new Document("kind", "CANCELLED").append("by", event.by().name())
                        .append("reason", event.reason()).append("at", Date.from(event.cancelledAt())))));
        updateSessionIndex(event.coachId(), event.sessionId(), position, entry -> entry.append("booked", false));
    }

    @EventHandler
    void on(SessionOutcomeRecorded event, @SequenceNumber long position) {
        applyOnce(sessions, event.sessionId(), position, Updates.combine(
                Updates.set("outcome", event.outcome().name()), Updates.set("notes", event.notes()),
                Updates.set("outcomeRecordedAt", Date.from(event.recordedAt()))));
        updateCalendar(event.coachId(), position, calendar -> {
        });
    }

    @ResetHandler
    void onReset() {
        calendars.deleteMany(new Document());
        sessions.deleteMany(new Document());
        clients.deleteMany(new Document());
    }

    private void updateSessionIndex(String coachId, String sessionId, long position, Consumer<Document> change) {
        updateCalendar(coachId, position, calendar -> {
            List<Document> index = new ArrayList<>(calendar.getList("sessions", Document.class, List.of()));
            index.stream().filter(entry -> sessionId.equals(entry.getString("id"))).forEach(change);
            calendar.append("sessions", index);
        });
    }

    /** Read-modify-write of the coach's calendar document, once per event. */
    private void updateCalendar(String coachId, long position, Consumer<Document> change) {
        Document current = calendars.find(Filters.eq("_id", coachId)).first();
        Document calendar = current == null ? new Document() : new Document(current);
        calendar.remove("_id");
        change.accept(calendar);
        replaceOnce(calendars, coachId, position, calendar);
    }
}
