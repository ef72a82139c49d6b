package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A reader other than the client (their coach) read shared entries of the journal. Stays inside journal-service. */
@Revision("1")
public record SharedEntriesRead(String clientId, String readerId, List<String> entryIds, Instant readAt)
        implements JournalEvent {
}
