package org.rekindle.journal.app.query;

/** The kinds of record in a client's contact log. */
public enum ContactLogType {
    NO_CONTACT_STARTED, BREACH, NO_CONTACT_ENDED, URGE
}
