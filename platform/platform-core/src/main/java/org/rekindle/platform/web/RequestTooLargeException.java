package org.rekindle.platform.web;

import java.io.IOException;

/** A request body grew past {@code rekindle.web.max-request-bytes} while it was being read. */
public class RequestTooLargeException extends IOException {

    public RequestTooLargeException(long limit) {
        super("request body is larger than " + limit + " bytes");
    }
}
