package org.rekindle.journal.app.web;

import org.rekindle.platform.command.UnknownEntityException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.rekindle.journal.app.command.api.CoachView;
import org.rekindle.journal.app.command.api.EndNoContactPeriod;
import org.rekindle.journal.app.command.api.RecordBreach;
import org.rekindle.journal.app.command.api.RecordUrge;
import org.rekindle.journal.app.command.api.StartNoContactPeriod;
import org.rekindle.journal.app.query.ContactLogQueries;
import org.rekindle.journal.app.query.ContactLogRecordView;
import org.rekindle.journal.app.query.EntryQueries;
import org.rekindle.journal.app.query.StreakQueries;
import org.rekindle.journal.app.query.StreakView;
import org.rekindle.journal.app.command.safety.SafetyScreen;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
@Tag(name = "Contact log", description = "No-contact periods, breaches, urges and the streak")
class ContactLogController {

    private static final String BASE = "/api/clients/{clientId}";

    private final JournalWrites commands;
    private final ContactLogQueries contactLog;
    private final StreakQueries streaks;
    private final JournalGuard journals;
    private final RequestTime time;
    private final JournalAccess access;

    private final SafetyScreen screen;

    ContactLogController(JournalWrites commands, ContactLogQueries contactLog, StreakQueries streaks,
                         JournalGuard journals, RequestTime time, JournalAccess access, SafetyScreen screen) {
        this.screen = screen;
        this.access = access;
        this.commands = commands;
        this.contactLog = contactLog;
        this.streaks = streaks;
        this.journals = journals;
        this.time = time;
    }

    @PostMapping(path = BASE + "/contact-log/no-contact-periods", consumes = "application/json",
                 produces = "application/json")
    @Operation(summary = "Start a no-contact period (target 1-365 days, default 30)")
    @PreAuthorize("@journalAccess.mayWrite(#clientId)")
    ResponseEntity<Created> start(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                                  @Valid @RequestBody JournalRequests.NoContactPeriod body) {
        String periodId = Ids.newId();
        commands.send(new StartNoContactPeriod(clientId, periodId, body.targetDaysOrDefault(),
                                                      time.orNow(body.occurredAt())));
        return ResponseEntity.created(URI.create("/api/clients/" + clientId + "/streak"))
                             .body(Created.period(periodId));
    }

    @PostMapping(path = BASE + "/contact-log/no-contact-periods/{periodId}/end", consumes = "application/json",
                 produces = "application/json")
    @Operation(summary = "End the no-contact period (target reached, reopening contact, moving on)",
               description = "204, or 200 with showCrisisResources when the reason matched the risk list")
    @PreAuthorize("@journalAccess.mayWrite(#clientId)")
    ResponseEntity<Screened> end(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                             @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String periodId,
                             @Valid @RequestBody JournalRequests.EndNoContactPeriod body) {
        commands.send(new EndNoContactPeriod(clientId, periodId, body.reason(), time.orNow(body.occurredAt())));
        return Screened.answer(screen, body.reason());
    }

    @PostMapping(path = BASE + "/contact-log/breaches", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Record contact during a no-contact period, honestly; the attempt's days are kept")
    @PreAuthorize("@journalAccess.mayWrite(#clientId)")
    ResponseEntity<Created> breach(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                                   @Valid @RequestBody JournalRequests.Breach body) {
        String breachId = Ids.newId();
        commands.send(new RecordBreach(clientId, breachId, body.channel(), body.initiatedBy(), body.note(),
                                              time.orNow(body.occurredAt())));
        return ResponseEntity.created(URI.create("/api/clients/" + clientId + "/contact-log"))
                             .body(Created.breach(breachId).screened(screen, body.note()));
    }

    @PostMapping(path = BASE + "/contact-log/urges", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Record an urge to make contact, resisted or not")
    @PreAuthorize("@journalAccess.mayWrite(#clientId)")
    ResponseEntity<Created> urge(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                                 @Valid @RequestBody JournalRequests.Urge body) {
        String urgeId = Ids.newId();
        commands.send(new RecordUrge(clientId, urgeId, body.resisted(), body.note(), time.orNow(body.occurredAt())));
        return ResponseEntity.created(URI.create("/api/clients/" + clientId + "/contact-log"))
                             .body(Created.urge(urgeId).screened(screen, body.note()));
    }

    @GetMapping(path = BASE + "/contact-log", produces = "application/json")
    @Operation(summary = "The contact log, newest first")
    @PreAuthorize("@journalAccess.mayReadPrivate(#clientId)")
    List<ContactLogRecordView> list(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                                    @RequestParam(defaultValue = "100") @Min(1) @Max(EntryQueries.MAX_PAGE) int limit) {
        journals.requireJournal(clientId);
        return contactLog.list(clientId, limit);
    }

    @GetMapping(path = BASE + "/streak", produces = "application/json")
    @Operation(summary = "Current and longest no-contact streak and every attempt")
    @PreAuthorize("@journalAccess.mayReadStreak(#clientId)")
    StreakView streak(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId) {
        StreakView streak = streaks.current(clientId)
                                   .orElseThrow(() -> new UnknownEntityException("journal of client", clientId));
        return access.maySee(clientId, CoachView.CONTACT_DETAILS) ? streak : streak.withoutContactDetails();
    }

}
