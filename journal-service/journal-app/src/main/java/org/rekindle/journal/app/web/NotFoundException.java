package org.rekindle.journal.app.web;

/** A read asked for something this client does not have. */
class NotFoundException extends RuntimeException {

    NotFoundException(String what, String id) {
        super("No " + what + " '" + id + "'.");
    }
}
