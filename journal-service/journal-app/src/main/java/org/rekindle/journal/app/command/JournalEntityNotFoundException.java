package org.rekindle.journal.app.command;

/** A command names an entry or period this journal does not have (HTTP 404). */
public class JournalEntityNotFoundException extends RuntimeException {

    public JournalEntityNotFoundException(String what, String id) {
        super("No " + what + " '" + id + "' in this journal.");
    }
}
