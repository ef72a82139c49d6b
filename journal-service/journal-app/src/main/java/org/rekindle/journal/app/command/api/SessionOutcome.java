package org.rekindle.journal.app.command.api;

/** How a session went: the client came, or did not. */
public enum SessionOutcome {
    ATTENDED,
    NO_SHOW
}
