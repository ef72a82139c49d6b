package org.rekindle.journal.app.query;

import java.util.List;

/** A client's sessions: {@code upcoming} (booked, not over; soonest first) and {@code past} (latest first). */
public record ClientSessionsView(String clientId, List<SessionView> upcoming, List<SessionView> past) {

    /** The same lists without the coach's notes: what the client sees. */
    public ClientSessionsView withoutNotes() {
        return new ClientSessionsView(clientId, upcoming.stream().map(SessionView::withoutNotes).toList(),
                                      past.stream().map(SessionView::withoutNotes).toList());
    }
}
