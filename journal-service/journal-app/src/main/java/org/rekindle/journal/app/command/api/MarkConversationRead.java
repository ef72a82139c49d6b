package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * {@code reader} has read the other side's messages up to message {@code upTo} (null: up to the latest); answers the
 * number they have now read up to. Reading what was read already records nothing.
 */
public record MarkConversationRead(@TargetAggregateIdentifier String conversationId, Participant reader,
                                   Integer upTo, Instant readAt) {
}
