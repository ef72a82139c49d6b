package org.rekindle.content.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Replace a language's risk-language list with this whole list; answers the version it now has. */
public record ReviseRiskList(@TargetAggregateIdentifier String listId, String language, List<RiskPhraseEntry> phrases,
                             String revisedBy, Instant revisedAt) {

    /** The aggregate id of a language's list (apart from program ids, which share the event store). */
    public static String listIdOf(String language) {
        return "risk-list-" + language;
    }
}
