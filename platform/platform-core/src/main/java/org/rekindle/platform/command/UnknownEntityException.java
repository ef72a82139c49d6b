package org.rekindle.platform.command;

/** A command or query names something that does not exist (answered as HTTP 404). */
public class UnknownEntityException extends RuntimeException {

    public UnknownEntityException(String what, String id) {
        super("No " + what + " '" + id + "'.");
    }
}
