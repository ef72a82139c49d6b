package org.rekindle.journal.app.query;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A session between a coach and a client, opened with the client's key. {@code start}/{@code end} are instants;
 * {@code localStart} is the start in the coach's {@code zone}. {@code status} is {@code BOOKED} or
 * {@code CANCELLED}; {@code sequence} counts its changes. {@code outcome} ({@code ATTENDED}/{@code NO_SHOW}) once the
 * coach recorded it; {@code notes} only in the coach's view (left out otherwise).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(String sessionId, String coachId, String clientId, Instant start, Instant end, String zone,
                          LocalDateTime localStart, String status, int sequence, Instant bookedAt,
                          List<Change> changes, String outcome, Instant outcomeRecordedAt, String notes) {

    /** A move or the cancellation: by whom ({@code CLIENT}/{@code COACH}), why, when; a move says from where to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(String kind, String by, String reason, Instant at, Instant previousStart, Instant start) {
    }

    /** The view for the client: everything but the coach's notes. */
    public SessionView withoutNotes() {
        return new SessionView(sessionId, coachId, clientId, start, end, zone, localStart, status, sequence, bookedAt,
                               changes, outcome, outcomeRecordedAt, null);
    }

    /** Booked and not over at {@code now}. */
    public boolean upcoming(Instant now) {
        return "BOOKED".equals(status) && end.isAfter(now);
    }
}
