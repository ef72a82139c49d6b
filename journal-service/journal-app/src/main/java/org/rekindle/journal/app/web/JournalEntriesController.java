package org.rekindle.journal.app.web;

import org.rekindle.platform.command.UnknownEntityException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.rekindle.journal.app.command.ApologyFeedback;
import org.rekindle.journal.app.command.api.CompleteReflection;
import org.rekindle.journal.app.command.api.DraftApology;
import org.rekindle.journal.app.command.api.RecordMoodCheckIn;
import org.rekindle.journal.app.command.api.ReviseApology;
import org.rekindle.journal.app.command.api.ShareEntry;
import org.rekindle.journal.app.command.api.UnshareEntry;
import org.rekindle.journal.app.query.EntryKind;
import org.rekindle.journal.app.query.EntryQueries;
import org.rekindle.journal.app.query.EntryView;
import org.rekindle.journal.app.query.StreakQueries;
import org.rekindle.journal.app.command.safety.SafetyScreen;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.rekindle.journal.app.query.AccessLedger;
import org.rekindle.journal.app.export.LedgerRead;
import org.rekindle.platform.directory.PeopleDirectory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping(path = "/api/clients/{clientId}/journal", produces = "application/json")
@Tag(name = "Journal", description = "Reflections, apology drafts and mood check-ins, and what the client shares")
class JournalEntriesController {

    private final JournalWrites commands;
    private final EntryQueries entries;
    private final JournalGuard journals;
    private final RequestTime time;
    private final JournalAccess access;
    private final AccessLedger ledger;
    private final SharedReads reads;
    private final PeopleDirectory people;
    private final SafetyScreen screen;
    private final JournalErasure erasure;

    JournalEntriesController(JournalWrites commands, EntryQueries entries, JournalGuard journals, RequestTime time,
                             JournalAccess access, AccessLedger ledger, SharedReads reads, PeopleDirectory people,
                             SafetyScreen screen, JournalErasure erasure) {
        this.screen = screen;
        this.erasure = erasure;
        this.people = people;
        this.ledger = ledger;
        this.reads = reads;
        this.commands = commands;
        this.entries = entries;
        this.journals = journals;
        this.time = time;
        this.access = access;
    }

    @PostMapping(path = "/reflections", consumes = "application/json")
    @Operation(summary = "Complete a reflection for a prompt")
    @PreAuthorize("@journalAccess.mayWrite(#clientId)")
    ResponseEntity<Created> reflect(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                                    @Valid @RequestBody JournalRequests.Reflection body) {
        String entryId = Ids.newId();
        commands.send(new CompleteReflection(clientId, entryId, body.promptId(), body.text(),
                                                    time.orNow(body.occurredAt())));
        return created(clientId, entryId, Created.entry(entryId).screened(screen, body.text()));
    }

    @PostMapping(path = "/apologies", consumes = "application/json")
    @Operation(summary = "Draft an apology (version 1); it is never sent anywhere")
    @PreAuthorize("@journalAccess.mayWrite(#clientId)")
    ResponseEntity<Created> draftApology(
            @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
            @Valid @RequestBody JournalRequests.Apology body) {
        String entryId = Ids.newId();
        commands.send(new DraftApology(clientId, entryId, body.text(), time.orNow(body.occurredAt())));
        return created(clientId, entryId, Created.apology(entryId, 1, body.text()).screened(screen, body.text()));
    }

    @PostMapping(path = "/apologies/{entryId}/revisions", consumes = "application/json")
    @Operation(summary = "Revise an apology draft; every version is kept")
    @PreAuthorize("@journalAccess.mayWrite(#clientId)")
    ResponseEntity<Created> reviseApology(
            @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
            @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String entryId,
            @Valid @RequestBody JournalRequests.Apology body) {
        Integer version = commands.send(new ReviseApology(clientId, entryId, body.text(),
                                                                 time.orNow(body.occurredAt())));
        return created(clientId, entryId,
                       Created.apology(entryId, version, body.text()).screened(screen, body.text()));
    }

    @PostMapping(path = "/apology-feedback", consumes = "application/json")
    @Operation(summary = "Notes on an apology while it is written (the same notes a saved draft gets); stores nothing")
    @PreAuthorize("@journalAccess.mayWrite(#clientId)")
    ApologyNotes apologyFeedback(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                                 @Valid @RequestBody JournalRequests.ApologyText body) {
        return new ApologyNotes(ApologyFeedback.of(body.text()));
    }

    /** The notes on a draft: "watch" (a phrasing to reconsider) or "good" (something that works). */
    record ApologyNotes(List<ApologyFeedback.Note> notes) {
    }

    @PostMapping(path = "/mood-check-ins", consumes = "application/json")
    @Operation(summary = "Record a mood check-in (1 = very low, 5 = very good)")
    @PreAuthorize("@journalAccess.mayWrite(#clientId)")
    ResponseEntity<Created> checkIn(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                                    @Valid @RequestBody JournalRequests.MoodCheckIn body) {
        String entryId = Ids.newId();
        commands.send(new RecordMoodCheckIn(clientId, entryId, body.score(), body.note(), body.sleepHours(),
                                                   time.orNow(body.occurredAt())));
        return created(clientId, entryId, Created.entry(entryId).screened(screen, body.note()));
    }

    @PutMapping("/entries/{entryId}/share")
    @Operation(summary = "Share an entry with the coach")
    @PreAuthorize("@journalAccess.mayWrite(#clientId)")
    ResponseEntity<Void> share(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                               @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String entryId) {
        commands.send(new ShareEntry(clientId, entryId, time.now()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/entries/{entryId}/share")
    @Operation(summary = "Stop sharing an entry with the coach")
    @PreAuthorize("@journalAccess.mayWrite(#clientId)")
    ResponseEntity<Void> unshare(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                                 @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String entryId) {
        commands.send(new UnshareEntry(clientId, entryId, time.now()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/entries")
    @Operation(summary = "List the client's entries, newest first")
    @PreAuthorize("@journalAccess.mayReadShared(#clientId)")
    List<EntryView> list(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                         @RequestParam(required = false) EntryKind kind,
                         @RequestParam(required = false) Boolean shared,
                         @RequestParam(defaultValue = "100") @Min(1) @Max(EntryQueries.MAX_PAGE) int limit) {
        journals.requireJournal(clientId);
        List<EntryView> found = entries.list(clientId, kind, access.seesOnlyShared(clientId) ? Boolean.TRUE : shared,
                                             limit);
        reads.recordIfNotTheClient(clientId, found, time.now());
        return found;
    }

    @GetMapping("/entries/{entryId}")
    @Operation(summary = "One entry; apology drafts come with every version")
    @PreAuthorize("@journalAccess.mayReadShared(#clientId)")
    EntryView get(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                  @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String entryId) {
        EntryView entry = entries.find(clientId, entryId)
                .filter(found -> found.shared() || !access.seesOnlyShared(clientId))
                .orElseThrow(() -> new UnknownEntityException("entry", entryId));
        reads.recordIfNotTheClient(clientId, List.of(entry), time.now());
        return entry;
    }

    @DeleteMapping
    @Operation(summary = "Erase the journal: the client's upcoming sessions are cancelled, then the client's key is "
                         + "deleted, so everything they wrote becomes unreadable everywhere; nothing more can be "
                         + "written")
    @PreAuthorize("@journalAccess.mayWrite(#clientId)")
    ResponseEntity<Void> erase(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId) {
        journals.requireJournal(clientId);
        erasure.erase(clientId, time.now());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/reads")
    @Operation(summary = "Who read which of the client's shared entries, and when (newest first; each reader by id "
                         + "and display name)")
    @PreAuthorize("@journalAccess.mayReadPrivate(#clientId)")
    List<LedgerRead> reads(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                           @RequestParam(defaultValue = "100") @Min(1) @Max(EntryQueries.MAX_PAGE) int limit) {
        return ledger.of(clientId, limit).stream().map(read -> LedgerRead.of(read, people)).toList();
    }


    private static ResponseEntity<Created> created(String clientId, String entryId, Created body) {
        return ResponseEntity.created(URI.create("/api/clients/" + clientId + "/journal/entries/" + entryId))
                             .body(body);
    }
}
