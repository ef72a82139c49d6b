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
import org.rekindle.journal.app.command.api.AddAvailabilityException;
import org.rekindle.journal.app.command.api.SetWeeklyAvailability;
import org.rekindle.journal.app.command.api.WeeklySlot;
import org.rekindle.journal.app.query.CalendarView;
import org.rekindle.journal.app.query.SessionCollections;
import org.rekindle.journal.app.query.SessionQueries;
import org.rekindle.platform.command.InvalidCommandException;
import org.rekindle.platform.readmodel.ReadYourWrites;
import org.rekindle.platform.web.LiveStreams;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A coach's calendar: the weekly slots they offer in their own zone, the days they do not, and their sessions.
 * The coach themself only (403 for anyone else, the practice admin included).
 */
@RestController
@RequestMapping(path = "/api/coaches/{coachId}/calendar", produces = "application/json")
@Tag(name = "Sessions", description = "Coaching sessions: a coach's availability, free slots, booking, "
                                      + "cancelling, moving and the outcome")
class CalendarController {

    private final CommandGateway commands;
    private final SessionQueries queries;
    private final RequestTime time;
    private final ReadYourWrites readYourWrites;
    private final SessionCollections collections;
    private final LiveStreams live;

    CalendarController(CommandGateway commands, SessionQueries queries, RequestTime time, EventStore eventStore,
                       SessionCollections collections, LiveStreams live) {
        this.live = live;
        this.commands = commands;
        this.queries = queries;
        this.time = time;
        this.readYourWrites = new ReadYourWrites(eventStore);
        this.collections = collections;
    }

    @GetMapping
    @Operation(summary = "Your weekly availability, days off from today, upcoming sessions (soonest first) and past "
                         + "or cancelled ones (latest first, at most `past`), with your notes. The coach only")
    @PreAuthorize("@sessionAccess.ownsCalendar(#coachId)")
    CalendarView read(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String coachId,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(SessionQueries.MAX_PAST) int past) {
        return queries.calendar(coachId, past, time.now());
    }

    @GetMapping(path = "/stream", produces = "text/event-stream")
    @Operation(summary = "Server-sent events while the coach's calendar page is open: `session` each time one of "
                         + "their sessions is booked, moved, cancelled or gets its outcome (data: sessionId, status, "
                         + "sequence). The coach only")
    @PreAuthorize("@sessionAccess.ownsCalendar(#coachId)")
    SseEmitter stream(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String coachId) {
        return live.open(streamOf(coachId));
    }

    static String streamOf(String coachId) {
        return "calendar:" + coachId;
    }

    @PutMapping(path = "/availability", consumes = "application/json")
    @Operation(summary = "Offer these weekly slots (day and local start time, sessions of `minutes`) in your IANA "
                         + "zone from now on; replaces the previous rule, booked sessions stay. The coach only")
    @PreAuthorize("@sessionAccess.ownsCalendar(#coachId)")
    CalendarView setAvailability(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String coachId,
                                 @Valid @RequestBody Availability body) {
        List<WeeklySlot> slots = body.slots().stream().map(s -> new WeeklySlot(s.day(), s.start())).toList();
        commands.sendAndWait(new SetWeeklyAvailability(coachId, body.zone(), body.minutes(), slots, time.now()));
        readYourWrites.await(collections.calendars(), coachId);
        return queries.calendar(coachId, SessionQueries.DEFAULT_PAST, time.now());
    }

    @PostMapping(path = "/exceptions", consumes = "application/json")
    @Operation(summary = "Offer no slots on `date` (in your zone), e.g. a holiday; sessions booked that day stay "
                         + "until cancelled. Once per date. The coach only, after setting an availability")
    @PreAuthorize("@sessionAccess.ownsCalendar(#coachId)")
    CalendarView addException(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String coachId,
                              @Valid @RequestBody DayOff body) {
        if (!queries.offersSlots(coachId)) {
            throw new InvalidCommandException("date", "cannot be taken off before a weekly availability is set");
        }
        commands.sendAndWait(new AddAvailabilityException(coachId, body.date()));
        readYourWrites.await(collections.calendars(), coachId);
        return queries.calendar(coachId, SessionQueries.DEFAULT_PAST, time.now());
    }

    record Availability(@NotBlank @Size(max = 64) String zone, @NotNull @Min(15) @Max(240) Integer minutes,
                        @NotNull @Size(max = 200) List<@NotNull @Valid Slot> slots) {
    }

    record Slot(@NotNull DayOfWeek day, @NotNull LocalTime start) {
    }

    record DayOff(@NotNull LocalDate date) {
    }
}
