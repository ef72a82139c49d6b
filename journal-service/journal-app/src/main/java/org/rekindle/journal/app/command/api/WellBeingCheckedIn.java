package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The client answered the WHO-5 for an ISO week: the five answers (0-5 each), the raw score (their sum, 0-25) and the
 * percentage (raw × 4, 0-100), as scored when recorded.
 */
@Revision("1")
public record WellBeingCheckedIn(String clientId, String checkInId, List<Integer> items, int rawScore, int percentage,
                                 String week, Instant occurredAt) implements JournalEvent {
}
