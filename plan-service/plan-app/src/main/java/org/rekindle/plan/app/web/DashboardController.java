package org.rekindle.plan.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.rekindle.plan.app.query.dashboard.ClientEvent;
import org.rekindle.plan.app.query.dashboard.CoachVisits;
import org.rekindle.plan.app.query.dashboard.DashboardQueries;
import org.rekindle.plan.app.query.dashboard.DashboardView;
import org.rekindle.platform.command.InvalidCommandException;
import org.rekindle.platform.command.UnknownEntityException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@RestController
@RequestMapping(path = "/api/dashboard")
@Tag(name = "Coach dashboard", description = "Every client of a coach, live; one client's timeline and past states")
class DashboardController {

    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private static final String EVENT_ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";

    private final DashboardQueries dashboard;
    private final LiveDashboards live;
    private final Clock clock;
    private final CoachVisits visits;

    DashboardController(DashboardQueries dashboard, LiveDashboards live, Clock clock, CoachVisits visits) {
        this.visits = visits;
        this.dashboard = dashboard;
        this.live = live;
        this.clock = clock;
    }

    @GetMapping(path = "/coaches/{coachId}", produces = "application/json")
    @Operation(summary = "Every client of the coach (phase, progress, streaks, mood trend, risk flags first)")
    @PreAuthorize("@planAccess.mayReadDashboardOf(#coachId)")
    List<DashboardView> coach(@PathVariable @Pattern(regexp = ID) String coachId) {
        return dashboard.coach(coachId, clock.instant());
    }

    @PostMapping(path = "/coaches/{coachId}/visits", produces = "application/json")
    @Operation(summary = "The coach opened their dashboard now; answers when they did before (to mark what is new)")
    @PreAuthorize("@planAccess.mayReadDashboardOf(#coachId)")
    CoachVisit visit(@PathVariable @Pattern(regexp = ID) String coachId) {
        Instant now = clock.instant();
        return new CoachVisit(now, visits.visit(coachId, now).orElse(null));
    }

    /** A visit to the dashboard, and the one before it (null on the first). */
    record CoachVisit(Instant visitAt, Instant previousVisitAt) {
    }

    @GetMapping(path = "/coaches/{coachId}/stream", produces = "text/event-stream")
    @Operation(summary = "Server-sent events: a client's row each time it changes")
    @PreAuthorize("@planAccess.mayReadDashboardOf(#coachId)")
    SseEmitter stream(@PathVariable @Pattern(regexp = ID) String coachId) {
        return live.subscribe(coachId);
    }

    @GetMapping(path = "/clients/{clientId}", produces = "application/json")
    @Operation(summary = "One client's row now, or as it was at asOf (time travel, from the events up to then): "
                         + "clock=HAPPENED (default) folds what happened by then, clock=RECORDED only what had been "
                         + "recorded by then (what the coach could see at that moment)")
    @PreAuthorize("@planAccess.mayReadRowOf(#clientId)")
    DashboardView client(@PathVariable @Pattern(regexp = ID) String clientId,
                         @RequestParam(required = false) Instant asOf,
                         @RequestParam(name = "clock", defaultValue = "HAPPENED") TimeTravelClock travelClock) {
        Optional<DashboardView> row = asOf == null ? dashboard.client(clientId, clock.instant())
                                      : travelClock == TimeTravelClock.RECORDED
                                        ? dashboard.clientAsSeenAt(clientId, asOf)
                                        : dashboard.clientAsOf(clientId, asOf);
        return row.orElseThrow(() -> new UnknownEntityException("dashboard row of client", clientId));
    }

    @GetMapping(path = "/clients/{clientId}/timeline", produces = "application/json")
    @Operation(summary = "The latest events of the client (limit, default 200) that the client's consent lets the "
                         + "coach see, oldest first; before=<eventId of a page's first event> pages back")
    @PreAuthorize("@planAccess.mayReadRowOf(#clientId)")
    List<ClientEvent> timeline(@PathVariable @Pattern(regexp = ID) String clientId,
                               @RequestParam(required = false) @Pattern(regexp = EVENT_ID) String before,
                               @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        if (dashboard.client(clientId, clock.instant()).isEmpty()) {
            throw new UnknownEntityException("dashboard row of client", clientId);
        }
        return dashboard.timelineForCoach(clientId, before, limit).orElseThrow(() -> new InvalidCommandException(
                "before", "is not an event of this client's timeline (give the eventId of a page's first event)"));
    }
}
