package org.rekindle.notification.app.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.rekindle.notification.app.engine.CoachHistory;
import org.rekindle.notification.app.rules.BacktestResult;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/coaches/{coachId}/backtest", produces = "application/json")
@Tag(name = "Backtest", description = "Try a proposed alert rule on a coach's past events; nothing is sent")
class BacktestController {

    private final CoachHistory history;

    BacktestController(CoachHistory history) {
        this.history = history;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "How many alerts the rule would have raised, for which clients and events "
                         + "(e.g. {\"rule\":\"MOOD_AT_OR_BELOW\",\"score\":3,\"occurrences\":2,\"withinHours\":48})")
    @PreAuthorize("@notificationAccess.mayBacktest(#coachId)")
    BacktestResult backtest(@PathVariable @Pattern(regexp = FeedController.ID) String coachId,
                            @Valid @RequestBody RuleProposal proposal) {
        return BacktestResult.of(proposal.toRule(), history.journalOfClientsOf(coachId));
    }
}
