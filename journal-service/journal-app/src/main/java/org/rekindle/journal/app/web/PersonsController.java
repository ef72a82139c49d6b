package org.rekindle.journal.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.rekindle.journal.app.command.api.ErasePerson;
import org.rekindle.journal.app.command.api.MarkPerson;
import org.rekindle.journal.app.command.api.RenamePerson;
import org.rekindle.journal.app.query.PersonQueries;
import org.rekindle.journal.app.query.PersonQueries.Person;
import org.rekindle.platform.command.UnknownEntityException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * The persons a client marked in their own texts (the ex, a friend): the client alone lists, marks, renames and
 * erases them. Marking or adding a name re-seals the client's stored texts, so what was written before carries the
 * name as the person's placeholder too ({@link Reseal}).
 */
@RestController
@RequestMapping(path = "/api/clients/{clientId}/journal/persons", produces = "application/json")
@Tag(name = "Persons", description = "People the client named in their texts, whose names can be erased from all of them")
class PersonsController {

    private final JournalWrites commands;
    private final PersonQueries persons;
    private final RequestTime time;
    private final Reseal reseal;

    PersonsController(JournalWrites commands, PersonQueries persons, RequestTime time, Reseal reseal) {
        this.commands = commands;
        this.persons = persons;
        this.time = time;
        this.reseal = reseal;
    }

    record Persons(List<Person> persons) {
    }

    record Marked(String personId) {
    }

    @GetMapping
    @Operation(summary = "The persons the client marked, in the order marked (erased ones without label or names)")
    @PreAuthorize("@journalAccess.mayWrite(#clientId)")
    Persons list(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId) {
        return new Persons(persons.of(clientId));
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Mark a person: their names become placeholders sealed with their own key in every text, "
                         + "those written before included")
    @ApiResponse(responseCode = "201", description = "marked; the stored texts are re-sealed")
    @PreAuthorize("@journalAccess.mayWrite(#clientId)")
    ResponseEntity<Marked> mark(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                                @Valid @RequestBody JournalRequests.Person body) {
        String personId = Ids.newId();
        commands.send(new MarkPerson(clientId, personId, body.label(), body.names(), time.now()));
        reseal.texts(clientId);
        return ResponseEntity.created(URI.create("/api/clients/" + clientId + "/journal/persons/" + personId))
                             .body(new Marked(personId));
    }

    @PutMapping(path = "/{personId}", consumes = "application/json")
    @Operation(summary = "Change a marked person's label and names (the whole list); the stored texts are re-sealed")
    @ApiResponse(responseCode = "404", description = "no such person")
    @ApiResponse(responseCode = "409", description = "the person was erased")
    @PreAuthorize("@journalAccess.mayWrite(#clientId)")
    Person rename(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                  @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String personId,
                  @Valid @RequestBody JournalRequests.Person body) {
        requirePerson(clientId, personId);
        commands.send(new RenamePerson(clientId, personId, body.label(), body.names(), time.now()));
        reseal.texts(clientId);
        return persons.one(clientId, personId).orElseThrow(() -> new UnknownEntityException("person", personId));
    }

    @DeleteMapping(path = "/{personId}")
    @Operation(summary = "Erase a marked person for good: their names read as removed in every text of the client")
    @ApiResponse(responseCode = "204", description = "erased (also when already erased)")
    @ApiResponse(responseCode = "404", description = "no such person")
    @PreAuthorize("@journalAccess.mayWrite(#clientId)")
    ResponseEntity<Void> erase(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String clientId,
                               @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String personId) {
        requirePerson(clientId, personId);
        commands.send(new ErasePerson(clientId, personId, time.now()));
        return ResponseEntity.noContent().build();
    }

    /** A client without a journal has no persons: 404 rather than a journal made by asking. */
    private void requirePerson(String clientId, String personId) {
        if (persons.one(clientId, personId).isEmpty()) {
            throw new UnknownEntityException("person", personId);
        }
    }
}
