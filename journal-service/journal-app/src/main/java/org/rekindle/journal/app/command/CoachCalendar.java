package org.rekindle.journal.app.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.rekindle.journal.app.command.api.JournalTextsResealed;
import org.rekindle.journal.app.command.api.ResealCalendarTexts;
import org.rekindle.journal.app.command.api.ResealedText;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.rekindle.journal.app.command.api.AddAvailabilityException;
import org.rekindle.journal.app.command.api.AvailabilityExceptionAdded;
import org.rekindle.journal.app.command.api.BookSession;
import org.rekindle.journal.app.command.api.CancelSession;
import org.rekindle.journal.app.command.api.RecordSessionOutcome;
import org.rekindle.journal.app.command.api.RescheduleSession;
import org.rekindle.journal.app.command.api.SessionBooked;
import org.rekindle.journal.app.command.api.SessionCancelled;
import org.rekindle.journal.app.command.api.SessionOutcomeRecorded;
import org.rekindle.journal.app.command.api.SessionRescheduled;
import org.rekindle.journal.app.command.api.SetWeeklyAvailability;
import org.rekindle.journal.app.command.api.WeeklyAvailabilitySet;
import org.rekindle.journal.app.command.api.WeeklySlot;
import org.rekindle.platform.command.ConflictingCommandException;
import org.rekindle.platform.command.InvalidCommandException;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.rekindle.journal.app.command.JournalRules.requireId;
import static org.rekindle.journal.app.command.JournalRules.requireText;

/**
 * One coach's calendar: the weekly slots they offer in their zone, the days they do not, and the booked sessions.
 * It is the consistency boundary of booking: two bookings of the same slot are two appends at the same aggregate
 * sequence, so one of them fails (the loser is answered 409), and a slot taken is refused here.
 */
@Aggregate(snapshotTriggerDefinition = "journalSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class CoachCalendar {

    static final int MAX_SLOTS = 200;
    /** One client cannot take a coach's whole calendar: at most this many of their sessions lie ahead at once. */
    static final int MAX_UPCOMING_PER_CLIENT = 10;

    @AggregateIdentifier
    private String coachId;
    private String zone;
    private int minutes;
    private Set<WeeklySlot> slots = new HashSet<>();
    private Set<LocalDate> exceptions = new HashSet<>();
    /** Booked (not cancelled) sessions: id to start, and to end (a session keeps its length if the rule changes). */
    private Map<String, Instant> sessions = new HashMap<>();
    private Map<String, Instant> ends = new HashMap<>();
    private Map<String, String> clients = new HashMap<>();
    private Map<String, Integer> sequences = new HashMap<>();
    private Set<String> outcomes = new HashSet<>();

    protected CoachCalendar() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetWeeklyAvailability command) {
        requireId("coachId", command.coachId());
        ZoneId zoneId = zone(command.zone());
        if (command.minutes() < 15 || command.minutes() > 240) {
            throw new InvalidCommandException("minutes", "must be between 15 and 240");
        }
        List<WeeklySlot> given = command.slots() == null ? List.of() : command.slots();
        if (given.size() > MAX_SLOTS) {
            throw new InvalidCommandException("slots", "must be at most " + MAX_SLOTS);
        }
        List<WeeklySlot> sorted = new ArrayList<>(given);
        for (WeeklySlot slot : sorted) {
            if (slot == null || slot.day() == null || slot.start() == null) {
                throw new InvalidCommandException("slots", "each slot must name a day and a start time");
            }
            if (slot.start().getSecond() != 0 || slot.start().getNano() != 0) {
                throw new InvalidCommandException("slots", "each slot must start on a whole minute");
            }
        }
        sorted.sort((a, b) -> a.day() != b.day() ? a.day().compareTo(b.day()) : a.start().compareTo(b.start()));
        for (int i = 1; i < sorted.size(); i++) {
            WeeklySlot prev = sorted.get(i - 1);
            WeeklySlot next = sorted.get(i);
            if (prev.day() == next.day() && prev.start().plusMinutes(command.minutes()).isAfter(next.start())
                    && !prev.start().plusMinutes(command.minutes()).isBefore(prev.start())) {
                throw new InvalidCommandException("slots", "must not overlap (" + prev.day() + " " + prev.start()
                        + " and " + next.start() + ")");
            }
        }
        apply(new WeeklyAvailabilitySet(command.coachId(), zoneId.getId(), command.minutes(), List.copyOf(sorted),
                                        command.setAt()));
    }

    @CommandHandler
    void handle(AddAvailabilityException command) {
        if (command.date() == null) {
            throw new InvalidCommandException("date", "must be given");
        }
        if (!exceptions.contains(command.date())) {
            apply(new AvailabilityExceptionAdded(coachId, command.date()));
        }
    }

    @CommandHandler
    void handle(BookSession command, Clock clock) {
        requireId("sessionId", command.sessionId());
        requireId("clientId", command.clientId());
        if (sessions.containsKey(command.sessionId()) || clients.containsKey(command.sessionId())) {
            throw new ConflictingCommandException("session " + command.sessionId() + " exists already");
        }
        requireOffered("start", command.start(), clock, null);
        long upcoming = sessions.entrySet().stream()
                .filter(s -> command.clientId().equals(clients.get(s.getKey())) && s.getValue().isAfter(clock.instant()))
                .count();
        if (upcoming >= MAX_UPCOMING_PER_CLIENT) {
            throw new ConflictingCommandException("the client has " + MAX_UPCOMING_PER_CLIENT
                                                  + " upcoming sessions with this coach already");
        }
        apply(new SessionBooked(coachId, command.sessionId(), command.clientId(), command.start(),
                                command.start().plusSeconds(60L * minutes), zone, command.bookedAt()));
    }

    @CommandHandler
    void handle(CancelSession command, Clock clock, TextCipher cipher) {
        requireBooked(command.sessionId());
        requireParty(command.by());
        requireText("reason", command.reason(), JournalRules.MAX_REASON);
        if (!sessions.get(command.sessionId()).isAfter(clock.instant())) {
            throw new ConflictingCommandException("the session has started already");
        }
        String sessionId = command.sessionId();
        String clientId = clients.get(sessionId);
        apply(new SessionCancelled(coachId, sessionId, clientId, command.by(), sessions.get(sessionId),
                                   ends.get(sessionId), zone, sequences.getOrDefault(sessionId, 0) + 1,
                                   sealedUnlessErased(cipher, clientId, command.reason().strip()),
                                   command.cancelledAt()));
    }

    @CommandHandler
    void handle(RescheduleSession command, Clock clock, TextCipher cipher) {
        requireBooked(command.sessionId());
        requireParty(command.by());
        requireText("reason", command.reason(), JournalRules.MAX_REASON);
        if (!sessions.get(command.sessionId()).isAfter(clock.instant())) {
            throw new ConflictingCommandException("the session has started already");
        }
        requireOffered("newStart", command.newStart(), clock, command.sessionId());
        String sessionId = command.sessionId();
        String clientId = clients.get(sessionId);
        apply(new SessionRescheduled(coachId, sessionId, clientId, command.by(), sessions.get(sessionId),
                                     command.newStart(), command.newStart().plusSeconds(60L * minutes), zone,
                                     sequences.getOrDefault(sessionId, 0) + 1,
                                     cipher.seal(clientId, command.reason().strip()), command.rescheduledAt()));
    }

    /** One client's session texts as sealed again by the re-seal (reasons and outcome notes of this calendar only). */
    @CommandHandler
    void handle(ResealCalendarTexts command) {
        java.util.List<ResealedText> texts = command.texts() == null ? java.util.List.of() : command.texts().stream()
                .filter(text -> text != null && text.text() != null
                                && (text.kind() == ResealedText.Kind.SESSION_CHANGE_REASON
                                    || text.kind() == ResealedText.Kind.SESSION_NOTES)).toList();
        if (!texts.isEmpty()) {
            apply(new JournalTextsResealed(command.clientId(), texts, command.resealedAt()));
        }
    }

    /** Only a session that has started gets an outcome, once. */
    @CommandHandler
    void handle(RecordSessionOutcome command, Clock clock, TextCipher cipher) {
        requireBooked(command.sessionId());
        if (command.outcome() == null) {
            throw new InvalidCommandException("outcome", "must be ATTENDED or NO_SHOW");
        }
        if (command.notes() != null) {
            JournalRules.requireAtMost("notes", command.notes(), JournalRules.MAX_NOTE);
        }
        if (sessions.get(command.sessionId()).isAfter(clock.instant())) {
            throw new ConflictingCommandException("the session has not started yet");
        }
        if (outcomes.contains(command.sessionId())) {
            throw new ConflictingCommandException("the session's outcome is recorded already");
        }
        String clientId = clients.get(command.sessionId());
        String notes = command.notes() == null || command.notes().isBlank() ? null
                : cipher.seal(clientId, command.notes());
        apply(new SessionOutcomeRecorded(coachId, command.sessionId(), clientId, command.outcome(),
                                         sessions.get(command.sessionId()), ends.get(command.sessionId()), zone,
                                         notes, command.recordedAt()));
    }

    /**
     * An erased client's session can still be cancelled (the coach frees the slot), but their key is gone, so the
     * reason is not kept at all rather than kept readable.
     */
    private static String sealedUnlessErased(TextCipher cipher, String clientId, String reason) {
        try {
            return cipher.seal(clientId, reason);
        } catch (ConflictingCommandException erased) {
            return null;
        }
    }

    private static void requireParty(Object by) {
        if (by == null) {
            throw new InvalidCommandException("by", "must be given");
        }
    }

    private void requireBooked(String sessionId) {
        if (sessionId == null || !sessions.containsKey(sessionId)) {
            throw new InvalidCommandException("sessionId", "is not a booked session of this coach");
        }
    }

    private void requireOffered(String field, Instant start, Clock clock, String movingSession) {
        if (start == null) {
            throw new InvalidCommandException(field, "must be given");
        }
        if (!start.isAfter(clock.instant())) {
            throw new InvalidCommandException(field, "must be in the future");
        }
        if (zone == null) {
            throw new InvalidCommandException(field, "is not a slot the coach offers (no availability set)");
        }
        ZonedDateTime local = start.atZone(ZoneId.of(zone));
        if (local.getSecond() != 0 || local.getNano() != 0
                || !slots.contains(new WeeklySlot(local.getDayOfWeek(), local.toLocalTime()))
                || exceptions.contains(local.toLocalDate())) {
            throw new InvalidCommandException(field, "is not a slot the coach offers");
        }
        for (Map.Entry<String, Instant> booked : sessions.entrySet()) {
            if (booked.getKey().equals(movingSession)) {
                continue;
            }
            Instant otherEnd = ends.get(booked.getKey());
            if (start.isBefore(otherEnd) && booked.getValue().isBefore(start.plusSeconds(60L * minutes))) {
                throw new ConflictingCommandException(field + " is booked already");
            }
        }
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            throw new InvalidCommandException("zone", "must be given");
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidCommandException("zone", "must be an IANA time zone such as Europe/Berlin");
        }
    }

    @EventSourcingHandler
    void on(WeeklyAvailabilitySet event) {
        coachId = event.coachId();
        zone = event.zone();
        minutes = event.minutes();
        slots = new HashSet<>(event.slots());
    }

    @EventSourcingHandler
    void on(AvailabilityExceptionAdded event) {
        exceptions.add(event.date());
    }

    @EventSourcingHandler
    void on(SessionBooked event) {
        sessions.put(event.sessionId(), event.start());
        ends.put(event.sessionId(), event.end());
        clients.put(event.sessionId(), event.clientId());
    }

    @EventSourcingHandler
    void on(SessionRescheduled event) {
        sessions.put(event.sessionId(), event.start());
        ends.put(event.sessionId(), event.end());
        sequences.put(event.sessionId(), event.sequence());
    }

    @EventSourcingHandler
    void on(SessionCancelled event) {
        sessions.remove(event.sessionId());
        ends.remove(event.sessionId());
    }

    @EventSourcingHandler
    void on(SessionOutcomeRecorded event) {
        outcomes.add(event.sessionId());
    }
}
