package org.rekindle.journal.app.command;

/** What the journal must remember of an entry to judge later commands on it. */
record EntryState(EntryKind kind, boolean shared, String latestText, int version) {

    static EntryState created(EntryKind kind, String text) {
        return new EntryState(kind, false, text, 1);
    }

    EntryState revised(String text, int newVersion) {
        return new EntryState(kind, shared, text, newVersion);
    }

    EntryState sharing(boolean nowShared) {
        return new EntryState(kind, nowShared, latestText, version);
    }
}
