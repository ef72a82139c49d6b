package org.rekindle.journal.app.command.api;

/**
 * The id of the conversation between a client and a coach: one per pair. Like {@link CoachNoteId}, the separator
 * cannot occur in a client or coach id, so it never equals a journal's, a note's or another pair's id.
 */
public final class ConversationId {

    private ConversationId() {
    }

    public static String of(String clientId, String coachId) {
        return clientId + "/conversation/" + coachId;
    }
}
