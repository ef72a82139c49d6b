package org.rekindle.content.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.rekindle.platform.readmodel.ReadYourWrites;
import org.rekindle.content.app.command.api.AddPhase;
import org.rekindle.content.app.command.api.AddStep;
import org.rekindle.content.app.command.api.DraftProgram;
import org.rekindle.content.app.command.api.EditStep;
import org.rekindle.content.app.command.api.MoveStep;
import org.rekindle.content.app.command.api.PublishProgramVersion;
import org.rekindle.content.app.command.api.RemovePhase;
import org.rekindle.content.app.command.api.RemoveStep;
import org.rekindle.content.app.command.api.RetireProgram;
import org.rekindle.content.app.command.api.ReviseProgramDetails;
import org.rekindle.content.app.query.ProgramQueries;
import org.rekindle.content.app.query.ProgramStatus;
import org.rekindle.content.app.query.ProgramVersionView;
import org.rekindle.content.app.query.ProgramView;
import org.rekindle.content.app.query.ContentCollections;
import org.rekindle.content.app.query.SearchHit;
import org.rekindle.content.app.query.SearchIndex;
import org.rekindle.platform.command.InvalidCommandException;
import org.rekindle.platform.command.UnknownEntityException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/programs", produces = "application/json")
@Tag(name = "Programs", description = "The program library: drafts, published versions, search")
class ProgramsController {

    private final CommandGateway commands;
    private final ProgramQueries programs;
    private final SearchIndex search;
    private final ReadYourWrites readYourWrites;
    private final ContentCollections collections;
    private final Clock clock;

    ProgramsController(CommandGateway commands, ProgramQueries programs, SearchIndex search, EventStore eventStore,
                       ContentCollections collections, Clock clock) {
        this.commands = commands;
        this.programs = programs;
        this.search = search;
        this.readYourWrites = new ReadYourWrites(eventStore);
        this.collections = collections;
        this.clock = clock;
    }

    /** Every write answers once a read of the program shows it (see {@link ReadYourWrites}). */
    private <R> R author(String programId, Object command) {
        R result = commands.sendAndWait(command);
        readYourWrites.await(collections.programs(), programId);
        return result;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Draft a new program")
    @PreAuthorize("@contentAccess.mayAuthor()")
    ResponseEntity<Map<String, String>> draft(@Valid @RequestBody ProgramRequests.NewProgram body) {
        String programId = body.programId() != null ? body.programId() : "program-" + UUID.randomUUID();
        author(programId, new DraftProgram(programId, body.title(), body.summary()));
        return ResponseEntity.created(URI.create("/api/programs/" + programId)).body(Map.of("programId", programId));
    }

    @PutMapping(path = "/{programId}", consumes = "application/json")
    @Operation(summary = "Change the draft's title and summary")
    @PreAuthorize("@contentAccess.mayAuthor()")
    ResponseEntity<Void> details(@PathVariable @Pattern(regexp = ProgramRequests.ID) String programId,
                                 @Valid @RequestBody ProgramRequests.Details body) {
        author(programId, new ReviseProgramDetails(programId, body.title(), body.summary()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{programId}/phases", consumes = "application/json")
    @Operation(summary = "Add a phase at the end of the draft")
    @PreAuthorize("@contentAccess.mayAuthor()")
    ResponseEntity<Void> addPhase(@PathVariable @Pattern(regexp = ProgramRequests.ID) String programId,
                                  @Valid @RequestBody ProgramRequests.NewPhase body) {
        author(programId, new AddPhase(programId, body.phaseId(), body.title()));
        return ResponseEntity.created(URI.create("/api/programs/" + programId)).build();
    }

    @DeleteMapping("/{programId}/phases/{phaseId}")
    @Operation(summary = "Remove a phase and its steps from the draft")
    @PreAuthorize("@contentAccess.mayAuthor()")
    ResponseEntity<Void> removePhase(@PathVariable @Pattern(regexp = ProgramRequests.ID) String programId,
                                     @PathVariable @Pattern(regexp = ProgramRequests.ID) String phaseId) {
        author(programId, new RemovePhase(programId, phaseId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{programId}/phases/{phaseId}/steps", consumes = "application/json")
    @Operation(summary = "Add a step at the end of a phase of the draft")
    @PreAuthorize("@contentAccess.mayAuthor()")
    ResponseEntity<Void> addStep(@PathVariable @Pattern(regexp = ProgramRequests.ID) String programId,
                                 @PathVariable @Pattern(regexp = ProgramRequests.ID) String phaseId,
                                 @Valid @RequestBody ProgramRequests.StepBody body) {
        author(programId, new AddStep(programId, phaseId, body.toStep()));
        return ResponseEntity.created(URI.create("/api/programs/" + programId)).build();
    }

    @PutMapping(path = "/{programId}/steps/{stepId}", consumes = "application/json")
    @Operation(summary = "Replace a step of the draft")
    @PreAuthorize("@contentAccess.mayAuthor()")
    ResponseEntity<Void> editStep(@PathVariable @Pattern(regexp = ProgramRequests.ID) String programId,
                                  @PathVariable @Pattern(regexp = ProgramRequests.ID) String stepId,
                                  @Valid @RequestBody ProgramRequests.StepBody body) {
        if (!stepId.equals(body.stepId())) {
            throw new InvalidCommandException("stepId", "must match the step in the path");
        }
        author(programId, new EditStep(programId, body.toStep()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{programId}/steps/{stepId}")
    @Operation(summary = "Remove a step from the draft")
    @PreAuthorize("@contentAccess.mayAuthor()")
    ResponseEntity<Void> removeStep(@PathVariable @Pattern(regexp = ProgramRequests.ID) String programId,
                                    @PathVariable @Pattern(regexp = ProgramRequests.ID) String stepId) {
        author(programId, new RemoveStep(programId, stepId));
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/{programId}/steps/{stepId}/position", consumes = "application/json")
    @Operation(summary = "Move a step of the draft within its phase",
               description = "`position` is the step's new place in its phase, 1 being first; the other steps keep "
                             + "their order. Moving a step to where it already is changes nothing. 400 naming "
                             + "`position` when it is not between 1 and the number of steps in the phase.")
    @PreAuthorize("@contentAccess.mayAuthor()")
    ResponseEntity<Void> moveStep(@PathVariable @Pattern(regexp = ProgramRequests.ID) String programId,
                                  @PathVariable @Pattern(regexp = ProgramRequests.ID) String stepId,
                                  @Valid @RequestBody ProgramRequests.NewPosition body) {
        author(programId, new MoveStep(programId, stepId, body.position()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{programId}/versions")
    @Operation(summary = "Publish the draft as the next immutable version")
    @PreAuthorize("@contentAccess.mayAuthor()")
    ResponseEntity<Map<String, Object>> publish(@PathVariable @Pattern(regexp = ProgramRequests.ID) String programId) {
        Integer version = author(programId, new PublishProgramVersion(programId, clock.instant()));
        return ResponseEntity.created(URI.create("/api/programs/" + programId + "/versions/" + version))
                             .body(Map.of("programId", programId, "version", version));
    }

    @PostMapping("/{programId}/retire")
    @Operation(summary = "Retire the program: no new plans from it")
    @PreAuthorize("@contentAccess.mayAuthor()")
    ResponseEntity<Void> retire(@PathVariable @Pattern(regexp = ProgramRequests.ID) String programId) {
        author(programId, new RetireProgram(programId, clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    @Operation(summary = "Programs by title, optionally of one status")
    @PreAuthorize("@contentAccess.mayRead()")
    List<ProgramView> list(@RequestParam(required = false) ProgramStatus status) {
        return programs.list(status);
    }

    @GetMapping("/{programId}")
    @Operation(summary = "A program's current draft and latest version number")
    @PreAuthorize("@contentAccess.mayRead()")
    ProgramView program(@PathVariable @Pattern(regexp = ProgramRequests.ID) String programId) {
        return programs.program(programId).orElseThrow(() -> new UnknownEntityException("program", programId));
    }

    @GetMapping("/{programId}/versions/{version}")
    @Operation(summary = "A published version, exactly as it was published")
    @PreAuthorize("@contentAccess.mayRead()")
    ProgramVersionView version(@PathVariable @Pattern(regexp = ProgramRequests.ID) String programId,
                               @PathVariable @Min(1) int version) {
        return programs.version(programId, version)
                       .orElseThrow(() -> new UnknownEntityException("version", programId + "@" + version));
    }

    @GetMapping("/search")
    @Operation(summary = "Search published programs and their steps (title and text, ranked)")
    @PreAuthorize("@contentAccess.mayRead()")
    List<SearchHit> search(@RequestParam @Size(min = 1, max = 200) String q,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return search.find(q, limit);
    }
}
