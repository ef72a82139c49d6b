package org.rekindle.journal.app.command.api;

/** Who reached out. */
public enum InitiatedBy {
    CLIENT, EX
}
