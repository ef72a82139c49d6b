package org.rekindle.journal.app.web;

import org.rekindle.journal.app.query.ClientCoaches;
import org.rekindle.platform.security.CurrentUser;
import org.rekindle.platform.security.Role;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a client's journal, in one place (called from method security on every endpoint).
 * The client reads and writes their own journal. Their assigned coach reads their streak and the entries they
 * shared, nothing else. A practice admin reads no journal at all. Everyone else: 403.
 */
@Component("journalAccess")
public class JournalAccess {

    private final ClientCoaches coaches;

    JournalAccess(ClientCoaches coaches) {
        this.coaches = coaches;
    }

    /** Writing entries, the contact log, sharing: the client themself only. */
    public boolean mayWrite(String clientId) {
        return user().map(u -> u.isClient(clientId)).orElse(false);
    }

    /** The contact log holds private notes: the client themself only. */
    public boolean mayReadPrivate(String clientId) {
        return mayWrite(clientId);
    }

    /** Shared entries and the streak: the client, or the coach the client is assigned to. */
    public boolean mayReadShared(String clientId) {
        return mayWrite(clientId) || isAssignedCoach(clientId);
    }

    /** A coach sees only what the client shared, whatever filter they ask for. */
    public boolean seesOnlyShared(String clientId) {
        return !mayWrite(clientId);
    }

    private boolean isAssignedCoach(String clientId) {
        return user().filter(u -> u.is(Role.COACH))
                     .map(u -> coaches.coachOf(clientId).map(u.id()::equals).orElse(false)).orElse(false);
    }

    private static java.util.Optional<CurrentUser> user() {
        return CurrentUser.get();
    }
}
