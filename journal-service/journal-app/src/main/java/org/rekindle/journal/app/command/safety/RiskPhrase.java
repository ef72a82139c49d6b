package org.rekindle.journal.app.command.safety;

/**
 * One entry of a risk list: a phrase in the list's matching syntax (see {@link RiskMatcher}) and what it points at.
 */
public record RiskPhrase(String phrase, RiskClass riskClass) {
}
