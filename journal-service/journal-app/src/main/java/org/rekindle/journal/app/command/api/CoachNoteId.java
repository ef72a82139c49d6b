package org.rekindle.journal.app.command.api;

/**
 * The id of a coach's note about a client. The separator cannot occur in a client or coach id (the API's id pattern
 * has no '/'), so a note's id never equals another note's or a journal's (whose id is the client id).
 */
public final class CoachNoteId {

    private CoachNoteId() {
    }

    public static String of(String clientId, String coachId) {
        return clientId + "/coach-note/" + coachId;
    }
}
