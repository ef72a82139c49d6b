package org.rekindle.platform.command;

/** A command carries a value the domain cannot accept; names the field and why (answered as HTTP 400). */
public class InvalidCommandException extends RuntimeException {

    private final String field;
    private final String reason;

    public InvalidCommandException(String field, String reason) {
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
