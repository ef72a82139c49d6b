package org.rekindle.plan.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A practice admin sets the breach rules a plan of the practice starts with when it is assigned without rules of its
 * own. The aggregate is the practice's ({@link #aggregateId}); {@code practiceId} as the token names it.
 */
public record SetPracticeBreachRules(@TargetAggregateIdentifier String rulesId, String practiceId, BreachRules rules,
                                     String reason, String setBy, Instant setAt) {

    /** The id of a practice's rules aggregate: no plan id has a {@code /}, so it never equals one. */
    public static String aggregateId(String practiceId) {
        return "practice/" + practiceId + "/breach-rules";
    }
}
