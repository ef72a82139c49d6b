package org.rekindle.journal.app.command;

/** The kinds of journal entry the aggregate tells apart. */
enum EntryKind {
    REFLECTION, APOLOGY, MOOD_CHECK_IN
}
