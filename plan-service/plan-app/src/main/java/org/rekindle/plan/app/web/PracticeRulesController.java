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
import org.rekindle.plan.app.command.api.SetPracticeBreachRules;
import org.rekindle.plan.app.query.PracticeRules;
import org.rekindle.platform.command.UnknownEntityException;
import org.rekindle.platform.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;

/**
 * A practice's default breach rules: the rules a plan of the practice starts with when its coach assigns it without
 * choosing the reply rule. Set by the practice's admins (each setting a version, kept), read by its coaches and admins.
 */
@RestController
@RequestMapping(path = "/api/practices/{practiceId}/breach-rules", produces = "application/json")
@Tag(name = "Breach rules", description = "Versioned rules for counting contact during no contact")
class PracticeRulesController {

    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final PlanWrites writes;
    private final PracticeRules practices;
    private final Clock clock;

    PracticeRulesController(PlanWrites writes, PracticeRules practices, Clock clock) {
        this.writes = writes;
        this.practices = practices;
        this.clock = clock;
    }

    record PracticeRulesChange(@NotNull Boolean replyToExCountsAsBreach, @NotNull Boolean exContactRestartsPeriod,
                               @Min(1) @Max(365) Integer noContactTargetDays,
                               @NotBlank @Size(max = 500) String reason) {
    }

    @GetMapping
    @Operation(summary = "The practice's default breach rules: the version in force and every version before; 404 "
                         + "until an admin sets them")
    @PreAuthorize("@planAccess.mayReadPracticeRules(#practiceId)")
    PracticeRules.View rules(@PathVariable @Pattern(regexp = ID) String practiceId) {
        return practices.of(practiceId).orElseThrow(() -> new UnknownEntityException("practice breach rules",
                                                                                     practiceId));
    }

    @PutMapping(consumes = "application/json")
    @Operation(summary = "Set the practice's default breach rules (a new version); plans assigned from now on without "
                         + "a reply rule of their own start with them, plans already assigned keep theirs")
    @PreAuthorize("@planAccess.maySetPracticeRules(#practiceId)")
    ResponseEntity<Void> set(@PathVariable @Pattern(regexp = ID) String practiceId,
                             @Valid @RequestBody PracticeRulesChange body) {
        String admin = CurrentUser.get().map(CurrentUser::id).orElseThrow();
        int before = practices.of(practiceId).map(PracticeRules.View::version).orElse(0);
        writes.ask(new SetPracticeBreachRules(SetPracticeBreachRules.aggregateId(practiceId), practiceId,
                new BreachRules(body.replyToExCountsAsBreach(), body.exContactRestartsPeriod(),
                                body.noContactTargetDays()), body.reason(), admin, clock.instant()));
        awaitVersionAfter(practiceId, before);
        return ResponseEntity.noContent().build();
    }

    /** The answer waits (briefly) until the new version is readable, so the next assignment starts with it. */
    private void awaitVersionAfter(String practiceId, int before) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline
               && practices.of(practiceId).map(PracticeRules.View::version).orElse(0) <= before) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
