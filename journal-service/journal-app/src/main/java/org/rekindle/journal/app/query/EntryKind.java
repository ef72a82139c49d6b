package org.rekindle.journal.app.query;

/** What kind of journal entry a read-model document holds. */
public enum EntryKind {
    REFLECTION, APOLOGY, MOOD_CHECK_IN
}
