package org.rekindle.platform.messaging;

/** A consumed record is not a valid CloudEvent of a known type; retrying cannot help, so it goes to the DLT. */
public class UnreadableRecordException extends RuntimeException {

    public UnreadableRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
