package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Records a conversation's messages sealed again (see {@link JournalTextsResealed}). */
public record ResealConversation(@TargetAggregateIdentifier String conversationId, String clientId,
                                 List<ResealedText> texts, Instant resealedAt) {
}
