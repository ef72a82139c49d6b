package org.rekindle.journal.app.command;

/** A command carries a value the journal cannot accept; names the field and why (HTTP 400). */
public class InvalidJournalCommandException extends RuntimeException {

    private final String field;
    private final String reason;

    public InvalidJournalCommandException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
