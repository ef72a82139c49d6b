package org.rekindle.journal.app.export;

import org.rekindle.journal.app.query.AccessLedger;
import org.rekindle.platform.directory.PeopleDirectory;

import java.time.Instant;
import java.util.List;

/** A recorded read of shared entries, naming the reader as people read it ({@code readerId} stays for machines). */
public record LedgerRead(String readerId, String readerName, List<String> entryIds, Instant readAt) {

    public static LedgerRead of(AccessLedger.Read read, PeopleDirectory people) {
        return new LedgerRead(read.readerId(), people.name(read.readerId()), read.entryIds(), read.readAt());
    }
}
