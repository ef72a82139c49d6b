package org.rekindle.journal.app.web.export;

import org.rekindle.journal.app.query.EntryView;

import java.time.Instant;
import java.util.List;

/** What a client shared with their coach, as of the export: nothing they kept private or stopped sharing. */
public record SharedJournal(String format, String clientId, Instant exportedAt, String exportedBy,
                     List<EntryView> sharedEntries) {

    static final String FORMAT = "rekindle.shared-journal-export.v1";
}
