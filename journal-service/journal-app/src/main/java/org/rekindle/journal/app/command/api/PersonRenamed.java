package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A marked person's new label and names (all of them), sealed with the person's own key. */
@Revision("1")
public record PersonRenamed(String clientId, String personId, String label, List<String> names, Instant renamedAt)
        implements JournalEvent {
}
