package org.rekindle.plan.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.rekindle.plan.app.command.api.BreachRules;
import org.rekindle.plan.app.command.api.ChangeBreachRules;
import org.rekindle.plan.app.command.api.PreviewBreachRules;
import org.rekindle.plan.app.command.api.StepChangePreview;
import org.rekindle.plan.app.query.BreachRulesView;
import org.rekindle.plan.app.query.PlanQueries;
import org.rekindle.plan.app.query.PlanView;
import org.rekindle.plan.app.query.dashboard.DashboardQueries;
import org.rekindle.plan.app.query.dashboard.RulesPreview;
import org.rekindle.platform.command.InvalidCommandException;
import org.rekindle.platform.command.UnknownEntityException;
import org.rekindle.platform.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * How a plan counts contact during no contact: read by the plan's client and coach; previewed (before/after on the
 * dashboard row, nothing stored) and changed by the plan's coach, from a day on or retroactively.
 */
@RestController
@RequestMapping(path = "/api/plans/{planId}/breach-rules", produces = "application/json")
@Tag(name = "Breach rules", description = "Versioned rules for counting contact during no contact")
class BreachRulesController {

    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final PlanWrites writes;
    private final PlanQueries plans;
    private final DashboardQueries dashboard;
    private final Clock clock;

    BreachRulesController(PlanWrites writes, PlanQueries plans, DashboardQueries dashboard, Clock clock) {
        this.writes = writes;
        this.plans = plans;
        this.dashboard = dashboard;
        this.clock = clock;
    }

    /** New rules; {@code effectiveFrom} empty means retroactively, from the plan's start. */
    record RulesChange(@NotNull Boolean replyToExCountsAsBreach, @NotNull Boolean exContactRestartsPeriod,
                       @Min(1) @Max(365) Integer noContactTargetDays, LocalDate effectiveFrom,
                       @NotBlank @Size(max = 500) String reason) {
    }

    /** The same, without the reason: a preview is not kept. */
    record RulesPreviewRequest(@NotNull Boolean replyToExCountsAsBreach, @NotNull Boolean exContactRestartsPeriod,
                               @Min(1) @Max(365) Integer noContactTargetDays, LocalDate effectiveFrom) {
    }

    @GetMapping
    @Operation(summary = "The rules in force, as assigned, and every change with its effective day and reason")
    @PreAuthorize("@planAccess.mayRead(#planId)")
    BreachRulesView rules(@PathVariable @Pattern(regexp = ID) String planId) {
        return plans.breachRules(planId).orElseThrow(() -> new UnknownEntityException("plan", planId));
    }

    @PutMapping(consumes = "application/json")
    @Operation(summary = "Change the rules from a day on (or retroactively when effectiveFrom is empty); the streaks, "
                         + "breach counts and risk flags are counted again under them")
    @PreAuthorize("@planAccess.mayChange(#planId)")
    ResponseEntity<Void> change(@PathVariable @Pattern(regexp = ID) String planId,
                                @Valid @RequestBody RulesChange body) {
        String coach = CurrentUser.get().map(CurrentUser::id).orElseThrow();
        writes.send(planId, new ChangeBreachRules(planId, new BreachRules(body.replyToExCountsAsBreach(),
                body.exContactRestartsPeriod(), body.noContactTargetDays()), body.effectiveFrom(), body.reason(),
                coach, clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/preview", consumes = "application/json")
    @Operation(summary = "What the change would do to the client's dashboard row now (streaks, breaches counted, "
                         + "risk flags), before and after, which risk flags appear and disappear, and which plan "
                         + "steps would change state; nothing is stored")
    @PreAuthorize("@planAccess.mayChange(#planId)")
    RulesPreview preview(@PathVariable @Pattern(regexp = ID) String planId,
                         @Valid @RequestBody RulesPreviewRequest body) {
        PlanView plan = plans.plan(planId).orElseThrow(() -> new UnknownEntityException("plan", planId));
        Instant now = clock.instant();
        ZoneId zone = ZoneId.of(plan.timezone());
        LocalDate from = body.effectiveFrom() == null ? plan.startDate() : body.effectiveFrom();
        // The same window ChangeBreachRules holds to, so a preview never shows what the change would refuse.
        if (body.effectiveFrom() != null && from.isBefore(plan.startDate())) {
            throw new InvalidCommandException("effectiveFrom", "must not be before the plan's start ("
                                              + plan.startDate() + "); leave it empty to apply the rules retroactively");
        }
        if (body.effectiveFrom() != null && from.isAfter(LocalDate.ofInstant(now, zone))) {
            throw new InvalidCommandException("effectiveFrom", "must not be after today in the client's time zone");
        }
        RulesPreview row = dashboard.previewRulesChange(plan.clientId(), planId, body.replyToExCountsAsBreach(),
                                                        body.exContactRestartsPeriod(), body.noContactTargetDays(),
                                                        from.atStartOfDay(zone).toInstant(), now)
                .orElseThrow(() -> new UnknownEntityException("dashboard row of client", plan.clientId()));
        List<StepChangePreview> steps = writes.ask(new PreviewBreachRules(planId, new BreachRules(
                body.replyToExCountsAsBreach(), body.exContactRestartsPeriod(), body.noContactTargetDays()),
                body.effectiveFrom(), now));
        return row.withSteps(steps.stream().map(step -> new RulesPreview.StepChange(
                step.stepId(), step.title(), step.before(), step.after())).toList());
    }
}
