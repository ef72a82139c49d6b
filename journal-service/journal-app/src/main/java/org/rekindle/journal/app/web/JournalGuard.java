package org.rekindle.journal.app.web;

import org.rekindle.platform.command.UnknownEntityException;
import org.rekindle.journal.app.query.StreakQueries;
import org.springframework.stereotype.Component;

/** Reads of a client who has no journal answer 404, the same on every endpoint. */
@Component
class JournalGuard {

    private final StreakQueries streaks;

    JournalGuard(StreakQueries streaks) {
        this.streaks = streaks;
    }

    void requireJournal(String clientId) {
        if (!streaks.journalExists(clientId)) {
            throw new UnknownEntityException("journal of client", clientId);
        }
    }
}
