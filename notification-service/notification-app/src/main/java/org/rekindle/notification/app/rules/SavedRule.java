package org.rekindle.notification.app.rules;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A rule a coach saved from a backtest result, run from then on over their clients' new events. Its id is derived
 * from the coach and the rule's parameters, so saving the same rule twice keeps one.
 */
public record SavedRule(String id, ProposedRule rule, Instant savedAt) {

    public static SavedRule of(String coachId, ProposedRule rule, Instant savedAt) {
        String key = coachId + "|" + rule;
        return new SavedRule(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString(), rule, savedAt);
    }

    /** The alert rule its firings are raised under (which names the consent the client must give). */
    public Rule alertRule() {
        if (rule instanceof ProposedRule.Breach breach) {
            return breach.initiatedBy() == null ? Rule.SAVED_BREACH_RULE : Rule.SAVED_BREACH_BY_INITIATOR_RULE;
        }
        return Rule.SAVED_MOOD_RULE;
    }

    /** The why a coach reads with each alert: the rule and its parameters. */
    public String why() {
        return "A rule you saved from a backtest: " + rule.inWords() + ".";
    }
}
