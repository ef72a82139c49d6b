package org.rekindle.journal.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.rekindle.journal.app.command.api.BookSession;
import org.rekindle.journal.app.command.api.CancelSession;
import org.rekindle.journal.app.command.api.Participant;
import org.rekindle.journal.app.command.api.RecordSessionOutcome;
import org.rekindle.journal.app.command.api.RescheduleSession;
import org.rekindle.journal.app.command.api.SessionOutcome;
import org.rekindle.journal.app.query.ClientSessionsView;
import org.rekindle.journal.app.query.FreeSlotsView;
import org.rekindle.journal.app.query.SessionCollections;
import org.rekindle.journal.app.query.SessionQueries;
import org.rekindle.journal.app.query.SessionView;
import org.rekindle.platform.command.ConflictingCommandException;
import org.rekindle.platform.command.InvalidCommandException;
import org.rekindle.platform.command.UnknownEntityException;
import org.rekindle.platform.readmodel.ReadYourWrites;
import org.rekindle.platform.web.LiveStreams;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Instant;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A client's sessions with their coach. The client sees their coach's free slots and books one; either side cancels
 * or moves a session with a reason (409 once it has started, or when the slot was just taken: two bookings of the
 * last slot are two appends to the coach's calendar, one of them loses); the coach records the outcome with notes
 * sealed with the client's key. The client reads the outcome, only the coach the notes; the practice admin nothing.
 */
@RestController
@RequestMapping(path = "/api/clients/{clientId}/sessions", produces = "application/json")
@Tag(name = "Sessions")
class SessionController {

    private final CommandGateway commands;
    private final SessionQueries queries;
    private final SessionAccess access;
    private final RequestTime time;
    private final ReadYourWrites readYourWrites;
    private final SessionCollections collections;
    private final LiveStreams live;

    SessionController(CommandGateway commands, SessionQueries queries, SessionAccess access, RequestTime time,
                      EventStore eventStore, SessionCollections collections, LiveStreams live) {
        this.live = live;
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.time = time;
        this.readYourWrites = new ReadYourWrites(eventStore);
        this.collections = collections;
    }

    @GetMapping
    @Operation(summary = "The client's sessions: upcoming (soonest first) and past or cancelled (latest first, at "
                         + "most `past`). The client (without the coach's notes), or their coach (the sessions with "
                         + "them, with notes)")
    @PreAuthorize("@sessionAccess.mayList(#clientId)")
    ClientSessionsView list(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(SessionQueries.MAX_PAST) int past) {
        String coach = access.callingCoach(clientId).orElse(null);
        ClientSessionsView sessions = queries.ofClient(clientId, coach, past, time.now());
        return coach == null ? sessions.withoutNotes() : sessions;
    }

    @GetMapping(path = "/stream", produces = "text/event-stream")
    @Operation(summary = "Server-sent events while the client's sessions page is open: `session` each time one of "
                         + "their sessions is booked, moved, cancelled or gets its outcome (data: sessionId, status, "
                         + "sequence). The client only")
    @PreAuthorize("@sessionAccess.mayBook(#clientId)")
    SseEmitter stream(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId) {
        return live.open(clientStream(clientId));
    }

    @GetMapping("/free-slots")
    @Operation(summary = "The slots of your coach you can book in the next `weeks` weeks, soonest first, as "
                         + "instants and as date and time in the coach's zone. The client only; 404 without a coach")
    @PreAuthorize("@sessionAccess.mayBook(#clientId)")
    FreeSlotsView freeSlots(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                            @RequestParam(defaultValue = "4") @Min(1) @Max(SessionQueries.MAX_WEEKS) int weeks) {
        return queries.freeSlots(access.coachOf(clientId), weeks, time.now());
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Book the free slot starting at `start` with your coach. The client only; 400 if the coach "
                         + "does not offer it, 409 if it was just taken")
    @PreAuthorize("@sessionAccess.mayBook(#clientId)")
    SessionView book(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                     @Valid @RequestBody Booking body) {
        String coach = access.coachOf(clientId);
        if (!queries.offersSlots(coach)) {
            throw new InvalidCommandException("start", "is not a slot the coach offers (no availability set)");
        }
        String sessionId = Ids.newId();
        commands.sendAndWait(new BookSession(coach, sessionId, clientId, body.start(), time.now()));
        return afterWrite(coach, sessionId).withoutNotes();
    }

    @GetMapping("/{sessionId}")
    @Operation(summary = "One session: the client (without notes) or its coach (with notes)")
    @PreAuthorize("@sessionAccess.mayTakePart(#clientId)")
    SessionView read(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                     @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String sessionId) {
        SessionView session = session(clientId, sessionId);
        return as(access.sideOf(session), session);
    }

    @PostMapping(path = "/{sessionId}/cancel", consumes = "application/json")
    @Operation(summary = "Cancel the session with a reason (1-200 characters). The client or its coach; 409 once it "
                         + "has started")
    @PreAuthorize("@sessionAccess.mayTakePart(#clientId)")
    SessionView cancel(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                       @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String sessionId,
                       @Valid @RequestBody Cancellation body) {
        return changeBooked(clientId, sessionId, (session, side) -> new CancelSession(session.coachId(), sessionId,
                                                                                      side, body.reason(), time.now()));
    }

    @PostMapping(path = "/{sessionId}/reschedule", consumes = "application/json")
    @Operation(summary = "Move the session to the free slot at `start`, with a reason (1-200 characters). The client "
                         + "or its coach; 409 once it has started or if that slot was just taken")
    @PreAuthorize("@sessionAccess.mayTakePart(#clientId)")
    SessionView reschedule(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                           @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String sessionId,
                           @Valid @RequestBody Move body) {
        return changeBooked(clientId, sessionId, (session, side) -> new RescheduleSession(
                session.coachId(), sessionId, side, body.start(), body.reason(), time.now()));
    }

    @PutMapping(path = "/{sessionId}/outcome", consumes = "application/json")
    @Operation(summary = "Record how the session went (ATTENDED or NO_SHOW) with optional notes (up to 4000 "
                         + "characters, sealed with the client's key; only you read them). Its coach only, once it "
                         + "has started, once")
    @PreAuthorize("@sessionAccess.mayTakePart(#clientId)")
    SessionView recordOutcome(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                              @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String sessionId,
                              @Valid @RequestBody Outcome body) {
        SessionView session = session(clientId, sessionId);
        if (access.sideOf(session) != Participant.COACH) {
            throw new AccessDeniedException("only the coach records the outcome");
        }
        requireBooked(session);
        commands.sendAndWait(new RecordSessionOutcome(session.coachId(), sessionId, body.outcome(), body.notes(),
                                                      time.now()));
        return afterWrite(session.coachId(), sessionId);
    }

    record Booking(@NotNull Instant start) {
    }

    record Cancellation(@NotBlank @Size(max = 200) String reason) {
    }

    record Move(@NotNull Instant start, @NotBlank @Size(max = 200) String reason) {
    }

    record Outcome(@NotNull SessionOutcome outcome, @Size(max = 4000) String notes) {
    }

    /** The client's session (404 for an unknown one or one of another client). */
    private SessionView session(String clientId, String sessionId) {
        return queries.session(sessionId).filter(s -> s.clientId().equals(clientId))
                      .orElseThrow(() -> new UnknownEntityException("session", sessionId));
    }

    /** A change either side may make to a booked session: the command for that side, answered as that side reads it. */
    private SessionView changeBooked(String clientId, String sessionId,
                                     BiFunction<SessionView, Participant, Object> command) {
        SessionView session = session(clientId, sessionId);
        Participant side = access.sideOf(session);
        requireBooked(session);
        commands.sendAndWait(command.apply(session, side));
        return as(side, afterWrite(session.coachId(), sessionId));
    }

    private static void requireBooked(SessionView session) {
        if (!"BOOKED".equals(session.status())) {
            throw new ConflictingCommandException("the session is cancelled");
        }
    }

    /** Waits for the read model, then tells both sides' open pages (the calendar's and the client's streams). */
    private SessionView afterWrite(String coachId, String sessionId) {
        readYourWrites.await(collections.calendars(), coachId);
        SessionView session = queries.session(sessionId)
                                     .orElseThrow(() -> new UnknownEntityException("session", sessionId));
        String id = sessionId + "-" + session.sequence() + "-" + session.status() + "-" + session.outcome();
        Map<String, Object> data = Map.of("sessionId", sessionId, "status", session.status(),
                                          "sequence", session.sequence());
        live.send(CalendarController.streamOf(coachId), "session", id, data);
        live.send(clientStream(session.clientId()), "session", id, data);
        return session;
    }

    static String clientStream(String clientId) {
        return "sessions:" + clientId;
    }

    private static SessionView as(Participant side, SessionView session) {
        return side == Participant.COACH ? session : session.withoutNotes();
    }
}
