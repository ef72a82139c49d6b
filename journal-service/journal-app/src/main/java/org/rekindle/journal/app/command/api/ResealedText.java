package org.rekindle.journal.app.command.api;

/**
 * One stored text of a client, sealed again: which record it belongs to ({@code recordId}; {@code number} is the
 * apology's version, the coach note's revision, the message's number or the session change's sequence, else 0) and its new sealed form.
 * A new kind of sealed text is a new {@link Kind} (with its place in {@code SealedTexts} and its read model).
 */
public record ResealedText(Kind kind, String recordId, int number, String text) {

    public enum Kind {
        REFLECTION, APOLOGY_VERSION, MOOD_NOTE, BREACH_NOTE, URGE_NOTE, NO_CONTACT_END_REASON, COACH_NOTE, MESSAGE,
        /** A session's reschedule or cancellation reason: {@code number} is the change's sequence (1 = the first). */
        SESSION_CHANGE_REASON,
        /** The coach's notes on a session's outcome. */
        SESSION_NOTES
    }

    /** Which text this is, whatever its sealed form. */
    public String key() {
        return kind + "/" + recordId + "/" + number;
    }

    public ResealedText withText(String newText) {
        return new ResealedText(kind, recordId, number, newText);
    }
}
