package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/** The client changed what their coach may see; {@code coachSees} is the whole new choice. */
@Revision("1")
public record ConsentChanged(String clientId, Set<CoachView> coachSees, Instant changedAt) implements JournalEvent {
}
