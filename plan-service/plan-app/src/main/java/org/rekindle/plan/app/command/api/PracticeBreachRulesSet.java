package org.rekindle.plan.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The practice's default breach rules, version {@code version} (1, 2, …), replacing {@code previous} (null for the
 * first): plans assigned from now on without rules of their own start with them. Plans already assigned keep theirs.
 */
@Revision("1")
public record PracticeBreachRulesSet(String rulesId, String practiceId, int version, BreachRules previous,
                                     BreachRules rules, String reason, String setBy, Instant setAt) {
}
