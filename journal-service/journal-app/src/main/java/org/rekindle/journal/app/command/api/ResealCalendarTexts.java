package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Records one client's session texts in a coach's calendar sealed again (see {@link JournalTextsResealed}): the
 * reasons for moves and cancellations and the outcome notes.
 */
public record ResealCalendarTexts(@TargetAggregateIdentifier String coachId, String clientId, List<ResealedText> texts,
                                  Instant resealedAt) {
}
