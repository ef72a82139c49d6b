package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** {@code reader} read the other side's messages of a conversation up to message {@code upTo} (a read receipt). */
@Revision("1")
public record ConversationRead(String conversationId, String clientId, String coachId, Participant reader, int upTo,
                               Instant readAt) implements JournalEvent {
}
