package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Message {@code number} of the conversation between a client and their coach, written by {@code sender}.
 * {@code text} is sealed with the client's key, whoever wrote it, so erasing the client shreds the whole conversation.
 * Stays inside journal-service (the published {@code MessageSent} carries no text).
 */
@Revision("1")
public record MessageSent(String conversationId, String clientId, String coachId, int number, Participant sender,
                          String text, Instant sentAt) implements JournalEvent {
}
