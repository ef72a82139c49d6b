package org.rekindle.platform.command;

/** A command is valid on its own but conflicts with the current state (answered as HTTP 409). */
public class ConflictingCommandException extends RuntimeException {

    public ConflictingCommandException(String reason) {
        super(reason);
    }
}
