package org.rekindle.journal.app.query;

import org.rekindle.journal.app.command.api.Participant;

import java.time.Instant;
import java.util.List;

/**
 * A page of the conversation between a client and their coach, oldest first, opened with the client's key.
 * {@code messageCount} is the number of the latest message; {@code olderBefore} is the {@code before} that pages to
 * older messages (null when this page starts at the first). Each side's read mark is the number of the latest
 * message of the other side they have seen.
 */
public record ConversationView(String conversationId, String clientId, String coachId, int messageCount,
                               int readByClient, int readByCoach, List<Message> messages, Integer olderBefore) {

    /** One message; {@code seen}: the other side has read it. */
    public record Message(int number, Participant sender, String text, Instant sentAt, boolean seen) {
    }
}
