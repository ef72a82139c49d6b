package org.rekindle.journal.app.web;

import org.rekindle.journal.app.command.api.CoachView;
import org.rekindle.journal.app.query.ClientCoaches;
import org.rekindle.journal.app.query.ConsentQueries;
import org.rekindle.platform.security.CurrentUser;
import org.rekindle.platform.security.Role;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a client's journal, in one place (called from method security on every endpoint).
 * The client reads and writes their own journal. Their assigned coach reads the entries they shared and what the
 * client's consent allows (by default the streak), nothing else. A practice admin reads no journal at all. Everyone else: 403.
 */
@Component("journalAccess")
public class JournalAccess {

    private final ClientCoaches coaches;
    private final ConsentQueries consent;

    JournalAccess(ClientCoaches coaches, ConsentQueries consent) {
        this.coaches = coaches;
        this.consent = consent;
    }

    /** Writing entries, the contact log, sharing: the client themself only. */
    public boolean mayWrite(String clientId) {
        return user().map(u -> u.isClient(clientId)).orElse(false);
    }

    /** The contact log holds private notes: the client themself only. */
    public boolean mayReadPrivate(String clientId) {
        return mayWrite(clientId);
    }

    /**
     * What the client lets their coach see ({@link CoachView}): the client always; their assigned coach if the
     * client's consent allows it now.
     */
    public boolean maySee(String clientId, CoachView view) {
        return mayWrite(clientId) || isAssignedCoach(clientId) && consent.of(clientId).allows(view);
    }

    /** The streak: the client, or their assigned coach while the client's consent includes it. */
    public boolean mayReadStreak(String clientId) {
        return maySee(clientId, CoachView.STREAK);
    }

    /** Shared entries and the consent: the client, or the coach the client is assigned to. */
    public boolean mayReadShared(String clientId) {
        return mayWrite(clientId) || isAssignedCoach(clientId);
    }

    /**
     * A coach's private note about a client: the coach the client is assigned to, about that client only. Not the
     * client (it is the coach's working note) and not a practice admin.
     */
    public boolean mayKeepCoachNote(String clientId) {
        return isAssignedCoach(clientId);
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
