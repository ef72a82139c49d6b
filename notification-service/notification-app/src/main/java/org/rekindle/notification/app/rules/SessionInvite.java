package org.rekindle.notification.app.rules;

import java.time.Instant;

/**
 * What a calendar needs to know of a booked session, as of one change: the session's id (the .ics UID is
 * {@code <sessionId>@rekindle}), its {@code sequence} (the .ics SEQUENCE: the booking 0, each move one more, the
 * cancellation one more than the last change), when it runs, whether it is cancelled, who it is with (a client id,
 * named by the email) and when this change was made (DTSTAMP).
 */
public record SessionInvite(String sessionId, int sequence, Instant start, Instant end, boolean cancelled,
                            String withClientId, boolean forCoach, Instant stamp) {

    public String uid() {
        return sessionId + "@rekindle";
    }
}
