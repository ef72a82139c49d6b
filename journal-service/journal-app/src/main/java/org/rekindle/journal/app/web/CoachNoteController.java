package org.rekindle.journal.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.rekindle.journal.app.query.ReadModelCollections;
import org.rekindle.platform.readmodel.ReadYourWrites;
import org.rekindle.journal.app.command.api.CoachNoteId;
import org.rekindle.journal.app.command.api.WriteCoachNote;
import org.rekindle.journal.app.query.CoachNoteQueries;
import org.rekindle.journal.app.query.CoachNoteView;
import org.rekindle.platform.command.UnknownEntityException;
import org.rekindle.platform.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * The client's coach keeps a private note about them. Only its author reads it, and reading it records nothing in
 * the client's access ledger: it is the coach's own text, not something the client shared.
 */
@RestController
@RequestMapping(path = "/api/clients/{clientId}/coach-note", produces = "application/json")
@Tag(name = "Coach note", description = "The coach's private working note about one of their clients")
class CoachNoteController {

    private final CommandGateway commands;
    private final CoachNoteQueries notes;
    private final JournalGuard journals;
    private final RequestTime time;
    private final ReadYourWrites readYourWrites;
    private final ReadModelCollections collections;

    CoachNoteController(CommandGateway commands, CoachNoteQueries notes, JournalGuard journals, RequestTime time,
                        EventStore eventStore, ReadModelCollections collections) {
        this.commands = commands;
        this.notes = notes;
        this.journals = journals;
        this.time = time;
        this.readYourWrites = new ReadYourWrites(eventStore);
        this.collections = collections;
    }

    @GetMapping
    @Operation(summary = "Your private note about this client (their coach only; 404 until you write one)")
    @PreAuthorize("@journalAccess.mayKeepCoachNote(#clientId)")
    CoachNoteView read(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId) {
        journals.requireJournal(clientId);
        return notes.of(clientId, coach()).orElseThrow(() -> new UnknownEntityException("coach note about", clientId));
    }

    @PutMapping(consumes = "application/json")
    @Operation(summary = "Write or rewrite your private note about this client (their coach only); sealed with the "
                         + "client's key, so erasing the client erases it too")
    @PreAuthorize("@journalAccess.mayKeepCoachNote(#clientId)")
    Saved write(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                @Valid @RequestBody JournalRequests.CoachNoteText body) {
        journals.requireJournal(clientId);
        String coach = coach();
        Instant now = time.now();
        String noteId = CoachNoteId.of(clientId, coach);
        Integer revision = commands.sendAndWait(new WriteCoachNote(noteId, clientId, coach, body.text(), now));
        readYourWrites.await(collections.coachNotes(), noteId); // the page the coach returns to shows this revision
        return new Saved(clientId, coach, revision, now);
    }

    /** What a save answers: the revision now kept (unchanged if the text was the same) and when. */
    record Saved(String clientId, String coachId, int revision, Instant savedAt) {
    }

    private static String coach() {
        return CurrentUser.get().orElseThrow().id();
    }
}
