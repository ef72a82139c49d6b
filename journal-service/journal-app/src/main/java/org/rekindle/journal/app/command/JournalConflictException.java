package org.rekindle.journal.app.command;

/** A command is valid on its own but conflicts with the journal's current state (HTTP 409). */
public class JournalConflictException extends RuntimeException {

    public JournalConflictException(String reason) {
        super(reason);
    }
}
