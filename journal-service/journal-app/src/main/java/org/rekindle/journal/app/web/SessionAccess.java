package org.rekindle.journal.app.web;

import org.rekindle.journal.app.command.api.Participant;
import org.rekindle.journal.app.query.ClientCoaches;
import org.rekindle.journal.app.query.SessionView;
import org.rekindle.platform.command.UnknownEntityException;
import org.rekindle.platform.security.CurrentUser;
import org.rekindle.platform.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who may do what with sessions. A coach keeps their own calendar only. A client books for themself with the coach
 * they are assigned to now. A session is the business of its client and its coach: either reads it, cancels or moves
 * it; only its coach records the outcome and reads the notes. A practice admin, another coach, another client: 403.
 * Neither party's reads are reads of the client's journal, so the access ledger records nothing.
 */
@Component("sessionAccess")
public class SessionAccess {

    private final ClientCoaches coaches;

    SessionAccess(ClientCoaches coaches) {
        this.coaches = coaches;
    }

    /** The coach's calendar: that coach only. */
    public boolean ownsCalendar(String coachId) {
        return user().filter(u -> u.is(Role.COACH)).map(u -> u.id().equals(coachId)).orElse(false);
    }

    /** Free slots and booking: the client themself only. */
    public boolean mayBook(String clientId) {
        return user().map(u -> u.isClient(clientId)).orElse(false);
    }

    /** The client's list: the client (all of theirs), or their assigned coach (those with them). */
    public boolean mayList(String clientId) {
        return mayBook(clientId) || isAssignedCoach(clientId);
    }

    /**
     * One session of the client: the client, or a coach (whose session it must be, checked on the session by
     * {@link #sideOf}).
     */
    public boolean mayTakePart(String clientId) {
        return mayBook(clientId) || user().map(u -> u.is(Role.COACH)).orElse(false);
    }

    /** The caller's side of the session, or 403 if it is not theirs. */
    Participant sideOf(SessionView session) {
        CurrentUser caller = user().orElseThrow(() -> new AccessDeniedException("not signed in"));
        if (caller.isClient(session.clientId())) {
            return Participant.CLIENT;
        }
        if (caller.is(Role.COACH) && caller.id().equals(session.coachId())) {
            return Participant.COACH;
        }
        throw new AccessDeniedException("not a party to session " + session.sessionId());
    }

    /** The coach the client books with: the one they are assigned to now (404 if none). */
    String coachOf(String clientId) {
        return coaches.coachOf(clientId).orElseThrow(() -> new UnknownEntityException("coach of client", clientId));
    }

    /** The caller when they are the client's assigned coach (their list then shows only sessions with them). */
    Optional<String> callingCoach(String clientId) {
        return isAssignedCoach(clientId) && !mayBook(clientId) ? user().map(CurrentUser::id) : Optional.empty();
    }

    private boolean isAssignedCoach(String clientId) {
        return user().filter(u -> u.is(Role.COACH))
                     .map(u -> coaches.coachOf(clientId).map(u.id()::equals).orElse(false)).orElse(false);
    }

    private static Optional<CurrentUser> user() {
        return CurrentUser.get();
    }
}
