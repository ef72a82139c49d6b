package org.rekindle.journal.events;

import java.time.Instant;
import java.util.List;

/**
 * The client changed what their coach may see: {@code coachSees} lists every {@link CoachSees} name now allowed
 * (the whole choice, not a difference; an empty list allows nothing but shared entries).
 * <p>Type {@value #TYPE} on topic {@value JournalTopic#NAME}, keyed by client id.
 */
public record ConsentChanged(String clientId, List<String> coachSees, Instant changedAt) {

    public static final String TYPE = "rekindle.journal.ConsentChanged.v1";
}
