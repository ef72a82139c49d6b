package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * One side of a conversation writes to the other; answers the message's number in the conversation (1, 2, ...).
 * {@code conversationId} is {@link ConversationId#of}: one conversation per client and coach.
 */
public record SendMessage(@TargetAggregateIdentifier String conversationId, String clientId, String coachId,
                          Participant sender, String text, Instant sentAt) {
}
