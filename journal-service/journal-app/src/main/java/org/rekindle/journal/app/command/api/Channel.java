package org.rekindle.journal.app.command.api;

/** How contact happened. */
public enum Channel {
    CALL, TEXT, MESSAGE, SOCIAL_MEDIA, IN_PERSON
}
