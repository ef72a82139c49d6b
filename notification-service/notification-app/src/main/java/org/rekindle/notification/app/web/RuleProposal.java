package org.rekindle.notification.app.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.rekindle.notification.app.rules.ProposedRule;
import org.rekindle.platform.command.InvalidCommandException;

import java.time.Duration;

/**
 * A rule as a coach writes it, to backtest or to save: {@code {"rule":"MOOD_AT_OR_BELOW","score":3,"occurrences":2,
 * "withinHours":48}} or {@code {"rule":"BREACH","initiatedBy":"CLIENT|EX|ANY"}}.
 */
record RuleProposal(@NotNull RuleKind rule, @Min(1) @Max(5) Integer score, @Min(1) @Max(20) Integer occurrences,
                    @Min(1) @Max(720) Integer withinHours, Initiator initiatedBy) {

    enum RuleKind { MOOD_AT_OR_BELOW, BREACH }

    enum Initiator { CLIENT, EX, ANY }

    /** The rule it proposes; 400 naming the field a mood rule is missing. */
    ProposedRule toRule() {
        if (rule == RuleKind.BREACH) {
            return new ProposedRule.Breach(initiatedBy == null || initiatedBy == Initiator.ANY ? null
                                                                                              : initiatedBy.name());
        }
        require(score != null, "score", "is required for MOOD_AT_OR_BELOW (1 to 5)");
        require(occurrences != null, "occurrences", "is required for MOOD_AT_OR_BELOW (1 to 20)");
        require(withinHours != null, "withinHours", "is required for MOOD_AT_OR_BELOW (1 to 720)");
        return new ProposedRule.MoodAtOrBelow(score, occurrences, Duration.ofHours(withinHours));
    }

    private static void require(boolean condition, String field, String reason) {
        if (!condition) {
            throw new InvalidCommandException(field, reason);
        }
    }
}
