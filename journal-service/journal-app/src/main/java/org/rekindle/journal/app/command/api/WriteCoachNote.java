package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Write (or rewrite) a coach's private note about one of their clients; answers the note's revision. {@code noteId}
 * is {@link CoachNoteId#of}: one note per client and coach.
 */
public record WriteCoachNote(@TargetAggregateIdentifier String noteId, String clientId, String coachId, String text,
                             Instant writtenAt) {
}
