package org.rekindle.journal.app.web;

import org.rekindle.journal.app.command.api.Participant;
import org.rekindle.journal.app.query.ClientCoaches;
import org.rekindle.platform.security.CurrentUser;
import org.rekindle.platform.security.Role;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who takes part in a client's conversation: the client themself and the coach they are assigned to now, nobody
 * else (not another coach, not a practice admin: 403). Both participants read it as their own correspondence, so
 * their reads record nothing in the client's access ledger.
 */
@Component("conversationAccess")
public class ConversationAccess {

    private final ClientCoaches coaches;

    ConversationAccess(ClientCoaches coaches) {
        this.coaches = coaches;
    }

    /** Method security on every conversation endpoint. */
    public boolean mayConverse(String clientId) {
        return side(clientId).isPresent();
    }

    /** The caller's side of the client's conversation, if they are a participant. */
    Optional<Participant> side(String clientId) {
        Optional<CurrentUser> user = CurrentUser.get();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        if (user.get().isClient(clientId)) {
            return Optional.of(Participant.CLIENT);
        }
        boolean assignedCoach = user.get().is(Role.COACH)
                                && coaches.coachOf(clientId).map(user.get().id()::equals).orElse(false);
        return assignedCoach ? Optional.of(Participant.COACH) : Optional.empty();
    }

    /** The coach of the client's current conversation (their assigned coach), if they have one. */
    Optional<String> coachOf(String clientId) {
        return coaches.coachOf(clientId);
    }
}
