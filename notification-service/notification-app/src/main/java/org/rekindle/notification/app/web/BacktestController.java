package org.rekindle.notification.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.rekindle.notification.app.command.BacktestResult;
import org.rekindle.notification.app.command.ProposedRule;
import org.rekindle.notification.app.messaging.in.KafkaHistory;
import org.rekindle.platform.command.InvalidCommandException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

@RestController
@RequestMapping(path = "/api/coaches/{coachId}/backtest", produces = "application/json")
@Tag(name = "Backtest", description = "Try a proposed alert rule on a coach's past events; nothing is sent")
class BacktestController {

    enum RuleKind { MOOD_AT_OR_BELOW, BREACH }

    enum Initiator { CLIENT, EX, ANY }

    record Proposal(@NotNull RuleKind rule, @Min(1) @Max(5) Integer score, @Min(1) @Max(20) Integer occurrences,
                    @Min(1) @Max(720) Integer withinHours, Initiator initiatedBy) {
    }

    private final KafkaHistory history;

    BacktestController(KafkaHistory history) {
        this.history = history;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "How many alerts the rule would have raised, for which clients and events "
                         + "(e.g. {\"rule\":\"MOOD_AT_OR_BELOW\",\"score\":3,\"occurrences\":2,\"withinHours\":48})")
    @PreAuthorize("@notificationAccess.mayBacktest(#coachId)")
    BacktestResult backtest(@PathVariable @Pattern(regexp = FeedController.ID) String coachId,
                            @Valid @RequestBody Proposal proposal) {
        return BacktestResult.of(rule(proposal), history.journalOfClientsOf(coachId));
    }

    private static ProposedRule rule(Proposal p) {
        if (p.rule() == RuleKind.BREACH) {
            return new ProposedRule.Breach(p.initiatedBy() == null || p.initiatedBy() == Initiator.ANY ? null
                                                                                                   : p.initiatedBy().name());
        }
        require(p.score() != null, "score", "is required for MOOD_AT_OR_BELOW (1 to 5)");
        require(p.occurrences() != null, "occurrences", "is required for MOOD_AT_OR_BELOW (1 to 20)");
        require(p.withinHours() != null, "withinHours", "is required for MOOD_AT_OR_BELOW (1 to 720)");
        return new ProposedRule.MoodAtOrBelow(p.score(), p.occurrences(), Duration.ofHours(p.withinHours()));
    }

    private static void require(boolean condition, String field, String reason) {
        if (!condition) {
            throw new InvalidCommandException(field, reason);
        }
    }
}
