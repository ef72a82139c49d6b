package org.rekindle.notification.app.rules;

import java.time.Instant;

/**
 * A booked session as of one published change: who (client and coach ids), which session, when (UTC instants and the
 * coach's zone it was offered in), its change count ({@code sequence}), and the event that told us (id, type, time).
 */
public record Session(String clientId, String coachId, String sessionId, Instant start, Instant end, String zone,
                      int sequence, String eventId, String eventType, Instant changedAt) {
}
