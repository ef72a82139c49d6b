package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A person the client named is marked: the label and names are sealed with the person's own key (never the
 * client's), so erasing the person leaves nothing of them readable here either.
 */
@Revision("1")
public record PersonMarked(String clientId, String personId, String label, List<String> names, Instant markedAt)
        implements JournalEvent {
}
