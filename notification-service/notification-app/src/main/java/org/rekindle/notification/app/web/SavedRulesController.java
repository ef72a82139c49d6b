package org.rekindle.notification.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.rekindle.notification.app.query.SavedRuleStore;
import org.rekindle.notification.app.rules.ProposedRule;
import org.rekindle.notification.app.rules.SavedRule;
import org.rekindle.platform.command.InvalidCommandException;
import org.rekindle.platform.command.UnknownEntityException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

@RestController
@RequestMapping(path = "/api/coaches/{coachId}/rules", produces = "application/json")
@Tag(name = "Saved rules", description = "Alert rules a coach saved from a backtest, run on their clients' new events")
class SavedRulesController {

    static final String RULE_ID = "[0-9a-f-]{36}";

    /** A saved rule as its coach reads it: the parameters, in words too, and the why its alerts will carry. */
    record SavedRuleView(String id, String rule, Integer score, Integer occurrences, Long withinHours,
                         String initiatedBy, String inWords, String savedAt) {

        static SavedRuleView of(SavedRule saved) {
            if (saved.rule() instanceof ProposedRule.MoodAtOrBelow mood) {
                return new SavedRuleView(saved.id(), "MOOD_AT_OR_BELOW", mood.score(), mood.occurrences(),
                                         mood.within().toHours(), null, saved.rule().inWords(),
                                         saved.savedAt().toString());
            }
            String by = ((ProposedRule.Breach) saved.rule()).initiatedBy();
            return new SavedRuleView(saved.id(), "BREACH", null, null, null, by == null ? "ANY" : by,
                                     saved.rule().inWords(), saved.savedAt().toString());
        }
    }

    private final SavedRuleStore rules;
    private final Clock clock;

    SavedRulesController(SavedRuleStore rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The coach's saved rules")
    @PreAuthorize("@notificationAccess.mayBacktest(#coachId)")
    List<SavedRuleView> list(@PathVariable @Pattern(regexp = FeedController.ID) String coachId) {
        return rules.of(coachId).stream().map(SavedRuleView::of).toList();
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Save a rule (as backtested) as a live rule: from now on, new activity of the coach's "
                         + "clients that makes it fire alerts the coach; saving the same parameters again keeps one")
    @PreAuthorize("@notificationAccess.mayBacktest(#coachId)")
    ResponseEntity<SavedRuleView> save(@PathVariable @Pattern(regexp = FeedController.ID) String coachId,
                                       @Valid @RequestBody RuleProposal proposal) {
        SavedRule rule = SavedRule.of(coachId, proposal.toRule(), clock.instant());
        try {
            return ResponseEntity.status(201).body(SavedRuleView.of(rules.save(coachId, rule)));
        } catch (SavedRuleStore.TooManyRules e) {
            throw new InvalidCommandException("rule", e.getMessage());
        }
    }

    @DeleteMapping("/{ruleId}")
    @Operation(summary = "Delete one of the coach's saved rules (it raises nothing more)")
    @PreAuthorize("@notificationAccess.mayBacktest(#coachId)")
    ResponseEntity<Void> delete(@PathVariable @Pattern(regexp = FeedController.ID) String coachId,
                                @PathVariable @Pattern(regexp = RULE_ID) String ruleId) {
        if (!rules.delete(coachId, ruleId)) {
            throw new UnknownEntityException("saved rule of " + coachId, ruleId);
        }
        return ResponseEntity.noContent().build();
    }
}
