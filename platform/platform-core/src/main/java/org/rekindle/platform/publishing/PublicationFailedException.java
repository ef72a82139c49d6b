package org.rekindle.platform.publishing;

/** A batch of integration events was not acknowledged by Kafka; the publishing processor retries it. */
public class PublicationFailedException extends RuntimeException {

    public PublicationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
