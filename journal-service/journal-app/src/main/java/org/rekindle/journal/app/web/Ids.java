package org.rekindle.journal.app.web;

import java.util.UUID;

/** What an id in a path may look like; anything else is refused before it reaches a query. */
final class Ids {

    static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String MESSAGE = "must be 1-64 letters, digits, '.', '_' or '-'";

    private Ids() {
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }
}
