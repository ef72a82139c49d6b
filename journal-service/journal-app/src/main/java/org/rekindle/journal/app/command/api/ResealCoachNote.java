package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Records a coach note's text sealed again (see {@link JournalTextsResealed}). */
public record ResealCoachNote(@TargetAggregateIdentifier String noteId, String clientId, List<ResealedText> texts,
                              Instant resealedAt) {
}
