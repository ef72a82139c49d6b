package org.rekindle.journal.app.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.rekindle.journal.app.query.EntryView;

import java.time.Instant;
import java.util.List;

/**
 * What a client shared with their coach, as of the export: nothing they kept private or stopped sharing. When their
 * coach exports, {@code coachPart} adds the coach's own private note (absent from the client's export).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SharedJournal(String format, String clientId, String clientName, String clientPronouns,
                            Instant exportedAt, String exportedBy,
                            String exportedByName, List<EntryView> sharedEntries, CoachPart coachPart) {

    static final String FORMAT = "rekindle.shared-journal-export.v1";
}
