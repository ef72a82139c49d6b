package org.rekindle.journal.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.rekindle.journal.app.command.Who5;
import org.rekindle.journal.app.command.api.RecordWellBeingCheckIn;
import org.rekindle.journal.app.query.WellBeingQueries;
import org.rekindle.platform.command.InvalidCommandException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The weekly WHO-5 Well-Being Index: its wording, a client's answers, and their trend. The journal scores it; the
 * coach sees the trend on the dashboard (plan-service) while the client's consent includes {@code MOOD_TREND}.
 */
@RestController
@Tag(name = "Well-being", description = "The weekly WHO-5 Well-Being Index check-in")
class WellBeingController {

    private final JournalWrites commands;
    private final WellBeingQueries wellBeing;
    private final RequestTime time;

    WellBeingController(JournalWrites commands, WellBeingQueries wellBeing, RequestTime time) {
        this.commands = commands;
        this.wellBeing = wellBeing;
        this.time = time;
    }

    /** Five answers 0-5 in the order of the statements; the client's IANA zone decides the ISO week (UTC if none). */
    record CheckInRequest(List<Integer> items, String zone, Instant occurredAt) {
    }

    record Recorded(String checkInId, String week, int rawScore, int percentage) {
    }

    record Questionnaire(String name, String framing, List<String> items, List<Response> responses,
                         int lowPercentage) {
    }

    record Response(int value, String label) {
    }

    record Trend(List<WellBeingQueries.CheckIn> checkIns) {
    }

    @GetMapping(path = "/api/well-being/who-5", produces = "application/json")
    @Operation(summary = "The WHO-5 statements and answers, in English, as the client is asked them")
    @PreAuthorize("isAuthenticated()")
    Questionnaire questionnaire() {
        List<Response> responses = java.util.stream.IntStream.rangeClosed(0, Who5.MAX_ANSWER).boxed()
                .sorted(java.util.Comparator.reverseOrder()).map(v -> new Response(v, Who5.RESPONSES.get(v))).toList();
        return new Questionnaire(Who5.NAME, Who5.FRAMING, Who5.ITEMS, responses, Who5.LOW_PERCENTAGE);
    }

    @PostMapping(path = "/api/clients/{clientId}/journal/well-being-check-ins", consumes = "application/json",
                 produces = "application/json")
    @Operation(summary = "Answer this week's WHO-5 (one a week; a second in the same ISO week is 409)")
    @PreAuthorize("@journalAccess.mayWrite(#clientId)")
    ResponseEntity<Recorded> checkIn(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                                     @RequestBody CheckInRequest body) {
        Instant at = time.orNow(body.occurredAt());
        String week = Who5.weekOf(at, zoneOf(body.zone()));
        String checkInId = Ids.newId();
        Who5.requireAnswers(body.items());
        commands.send(new RecordWellBeingCheckIn(clientId, checkInId, body.items(), week, at));
        int raw = Who5.rawScore(body.items());
        return ResponseEntity.created(URI.create("/api/clients/" + clientId + "/well-being"))
                             .body(new Recorded(checkInId, week, raw, Who5.percentage(raw)));
    }

    @GetMapping(path = "/api/clients/{clientId}/well-being", produces = "application/json")
    @Operation(summary = "The client's WHO-5 check-ins, oldest first: the client, or their coach with MOOD_TREND")
    @PreAuthorize("@journalAccess.maySee(#clientId, T(org.rekindle.journal.app.command.api.CoachView).MOOD_TREND)")
    Trend trend(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId) {
        return new Trend(wellBeing.of(clientId));
    }

    private static ZoneId zoneOf(String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidCommandException("zone", "must be an IANA time zone such as Europe/Berlin");
        }
    }
}
