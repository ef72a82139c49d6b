package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Records the journal's texts sealed again (see {@link JournalTextsResealed}). */
public record ResealJournalTexts(@TargetAggregateIdentifier String clientId, List<ResealedText> texts,
                                 Instant resealedAt) {
}
