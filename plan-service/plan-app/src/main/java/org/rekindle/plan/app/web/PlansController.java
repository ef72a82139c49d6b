package org.rekindle.plan.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.rekindle.plan.app.command.api.AssignPlan;
import org.rekindle.plan.app.command.api.ChangeOutcome;
import org.rekindle.plan.app.command.api.CompleteStep;
import org.rekindle.plan.app.command.api.PausePlan;
import org.rekindle.plan.app.command.api.PlanOutcome;
import org.rekindle.plan.app.command.api.ReopenStep;
import org.rekindle.plan.app.command.api.ReplacePlan;
import org.rekindle.plan.app.command.api.ResumePlan;
import org.rekindle.plan.app.command.api.SkipStep;
import org.rekindle.plan.app.query.Catalog;
import org.rekindle.plan.app.query.CatalogVersion;
import org.rekindle.plan.app.query.PlanQueries;
import org.rekindle.plan.app.query.PlanView;
import org.rekindle.plan.app.query.PracticeRules;
import org.rekindle.plan.app.query.dashboard.DashboardQueries;
import org.rekindle.platform.security.CurrentUser;
import org.rekindle.platform.command.ConflictingCommandException;
import org.rekindle.platform.command.InvalidCommandException;
import org.rekindle.platform.command.UnknownEntityException;
import org.springframework.http.ResponseEntity;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/plans", produces = "application/json")
@Tag(name = "Plans", description = "Plans assigned to clients from a pinned program version")
class PlansController {

    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final PlanQueries plans;
    private final Catalog catalog;
    private final DashboardQueries dashboard;
    private final PracticeRules practices;
    private final Clock clock;

    private final PlanWrites writes;

    PlansController(PlanWrites writes, PlanQueries plans, Catalog catalog, DashboardQueries dashboard,
                    PracticeRules practices, Clock clock) {
        this.writes = writes;
        this.practices = practices;
        this.plans = plans;
        this.catalog = catalog;
        this.dashboard = dashboard;
        this.clock = clock;
    }

    record Assignment(@NotNull @Pattern(regexp = ID) String clientId, @NotNull @Pattern(regexp = ID) String coachId,
                      @NotNull @Pattern(regexp = ID) String programId, @NotNull @Min(1) Integer programVersion,
                      @NotNull LocalDate startDate, @NotBlank @Size(max = 64) @IanaZone String timezone,
                      Boolean replyToExCountsAsBreach) {
    }

    record Replacement(@NotNull @Pattern(regexp = ID) String programId, @NotNull @Min(1) Integer programVersion,
                       @NotNull LocalDate startDate, @NotBlank @Size(max = 64) @IanaZone String timezone,
                       Boolean replyToExCountsAsBreach, @NotBlank @Size(max = 500) String reason) {
    }

    record Skip(@NotBlank @Size(max = 500) String reason) {
    }

    record Outcome(@NotNull PlanOutcome outcome) {
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Assign a program version to a client; the plan pins that version")
    @PreAuthorize("@planAccess.mayAssignAs(#body.coachId())")
    ResponseEntity<Map<String, String>> assign(@Valid @RequestBody Assignment body) {
        CatalogVersion version = assignable(body.programId(), body.programVersion());
        List<String> active = plans.activePlanIdsOf(body.clientId());
        if (!active.isEmpty()) {
            throw new ConflictingCommandException("Client '" + body.clientId() + "' already follows an active plan ("
                                                  + active.get(0) + "); replace that plan instead.");
        }
        String planId = "plan-" + UUID.randomUUID();
        writes.send(planId, assignment(planId, body.clientId(), body.coachId(), body.programId(),
                                       body.programVersion(), body.startDate(), body.timezone(),
                                       body.replyToExCountsAsBreach(), version));
        return ResponseEntity.created(URI.create("/api/plans/" + planId)).body(Map.of("planId", planId));
    }

    @PostMapping(path = "/{planId}/replacement", consumes = "application/json")
    @Operation(summary = "Replace an active or paused plan with another program version: the plan ends as REPLACED, "
                         + "kept in history with the reason and its replacement's id, and the replacement starts")
    @PreAuthorize("@planAccess.mayChange(#planId)")
    ResponseEntity<Map<String, String>> replace(@PathVariable @Pattern(regexp = ID) String planId,
                                                @Valid @RequestBody Replacement body) {
        PlanView current = plans.plan(planId).orElseThrow(() -> new UnknownEntityException("plan", planId));
        CatalogVersion version = assignable(body.programId(), body.programVersion());
        String replacementId = "plan-" + UUID.randomUUID();
        writes.send(planId, new ReplacePlan(planId, replacementId, body.reason(), clock.instant()));
        // Everything AssignPlan checks was checked above, so the client is not left without a plan here.
        writes.send(replacementId, assignment(replacementId, current.clientId(), current.coachId(), body.programId(),
                                              body.programVersion(), body.startDate(), body.timezone(),
                                              body.replyToExCountsAsBreach(), version));
        return ResponseEntity.created(URI.create("/api/plans/" + replacementId))
                             .body(Map.of("planId", replacementId, "replaces", planId));
    }

    /**
     * The assignment: with the coach's reply rule when given, else with the default rules of the coach's practice
     * (the caller's, from the token) when its admins set some, else a reply to the ex is no breach.
     */
    private AssignPlan assignment(String planId, String clientId, String coachId, String programId, int programVersion,
                                  LocalDate startDate, String timezone, Boolean replyToExCountsAsBreach,
                                  CatalogVersion version) {
        if (replyToExCountsAsBreach == null) {
            Optional<PracticeRules.View> practice = CurrentUser.get().flatMap(user -> practices.of(user.practice()));
            if (practice.isPresent()) {
                return new AssignPlan(planId, clientId, coachId, programId, programVersion, startDate, timezone,
                                      false, version.steps(), clock.instant(), practice.get().breachRules(),
                                      practice.get().version());
            }
        }
        return new AssignPlan(planId, clientId, coachId, programId, programVersion, startDate, timezone,
                              Boolean.TRUE.equals(replyToExCountsAsBreach), version.steps(), clock.instant());
    }

    /** A published, unretired program version a plan can pin. */
    private CatalogVersion assignable(String programId, int programVersion) {
        CatalogVersion version = catalog.version(programId, programVersion)
                .orElseThrow(() -> new UnknownEntityException("program version", programId + "@" + programVersion));
        if (version.retired()) {
            throw new ConflictingCommandException("Program '" + programId + "' is retired.");
        }
        return version;
    }

    @GetMapping
    @Operation(summary = "The plans of a client (clientId=…) or of a coach (coachId=…); a coach sees step states only "
                         + "where the client shares plan progress")
    @PreAuthorize("@planAccess.mayList(#clientId, #coachId)")
    List<PlanView> plans(@RequestParam(required = false) @Pattern(regexp = ID) String clientId,
                                    @RequestParam(required = false) @Pattern(regexp = ID) String coachId) {
        if ((clientId == null) == (coachId == null)) {
            throw new InvalidCommandException("clientId", "give exactly one of clientId or coachId");
        }
        List<PlanView> found = clientId != null ? plans.plansWhere("clientId", clientId)
                               : plans.plansWhere("coachId", coachId);
        return found.stream().map(this::asTheReaderMaySeeIt).toList();
    }

    @GetMapping("/{planId}")
    @Operation(summary = "A plan with every step's due date, and its state where the reader may see it")
    @PreAuthorize("@planAccess.mayRead(#planId)")
    PlanView plan(@PathVariable @Pattern(regexp = ID) String planId) {
        return plans.plan(planId).map(this::asTheReaderMaySeeIt)
                    .orElseThrow(() -> new UnknownEntityException("plan", planId));
    }

    /** The client sees their plan whole; anyone else allowed to read it (their coach) through the consent. */
    private PlanView asTheReaderMaySeeIt(PlanView plan) {
        boolean theClient = CurrentUser.get().map(user -> user.isClient(plan.clientId())).orElse(false);
        return theClient ? plan : plan.forCoach(dashboard.consentOf(plan.clientId()));
    }

    @PostMapping("/{planId}/steps/{stepId}/complete")
    @Operation(summary = "The coach marks a step as done")
    @PreAuthorize("@planAccess.mayChange(#planId)")
    ResponseEntity<Void> complete(@PathVariable @Pattern(regexp = ID) String planId,
                                  @PathVariable @Pattern(regexp = ID) String stepId) {
        writes.send(planId, new CompleteStep(planId, stepId, clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{planId}/steps/{stepId}/reopen")
    @Operation(summary = "The coach reopens a step")
    @PreAuthorize("@planAccess.mayChange(#planId)")
    ResponseEntity<Void> reopen(@PathVariable @Pattern(regexp = ID) String planId,
                                @PathVariable @Pattern(regexp = ID) String stepId) {
        writes.send(planId, new ReopenStep(planId, stepId, clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{planId}/steps/{stepId}/skip", consumes = "application/json")
    @Operation(summary = "Skip a step, saying why")
    @PreAuthorize("@planAccess.mayChange(#planId)")
    ResponseEntity<Void> skip(@PathVariable @Pattern(regexp = ID) String planId,
                              @PathVariable @Pattern(regexp = ID) String stepId, @Valid @RequestBody Skip body) {
        writes.send(planId, new SkipStep(planId, stepId, body.reason(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{planId}/pause")
    @Operation(summary = "Pause the plan")
    @PreAuthorize("@planAccess.mayChange(#planId)")
    ResponseEntity<Void> pause(@PathVariable @Pattern(regexp = ID) String planId) {
        writes.send(planId, new PausePlan(planId, clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{planId}/resume")
    @Operation(summary = "Resume a paused plan")
    @PreAuthorize("@planAccess.mayChange(#planId)")
    ResponseEntity<Void> resume(@PathVariable @Pattern(regexp = ID) String planId) {
        writes.send(planId, new ResumePlan(planId, clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/{planId}/outcome", consumes = "application/json")
    @Operation(summary = "Set the plan's outcome (reconciled, moved on, paused, ended)")
    @PreAuthorize("@planAccess.mayChange(#planId)")
    ResponseEntity<Void> outcome(@PathVariable @Pattern(regexp = ID) String planId, @Valid @RequestBody Outcome body) {
        writes.send(planId, new ChangeOutcome(planId, body.outcome(), clock.instant()));
        return ResponseEntity.noContent().build();
    }
}
