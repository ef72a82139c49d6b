package org.rekindle.journal.app.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.rekindle.journal.app.command.api.CancelSession;
import org.rekindle.journal.app.command.api.EraseJournal;
import org.rekindle.journal.app.command.api.Participant;
import org.rekindle.journal.app.query.SessionQueries;
import org.rekindle.journal.app.query.SessionView;
import org.rekindle.platform.command.ConflictingCommandException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * A client erasing their journal also leaves their coaches' calendars: each upcoming session is cancelled first (by
 * the client, so the coach is told and the slot is free again), while the client's key can still seal the reason;
 * then the journal is erased, which shreds that reason with everything else.
 */
@Component
class JournalErasure {

    static final String REASON = "The client erased their journal.";
    private static final Logger log = LoggerFactory.getLogger(JournalErasure.class);

    private final CommandGateway commands;
    private final JournalWrites journalWrites;
    private final SessionQueries sessions;

    JournalErasure(CommandGateway commands, JournalWrites journalWrites, SessionQueries sessions) {
        this.commands = commands;
        this.journalWrites = journalWrites;
        this.sessions = sessions;
    }

    void erase(String clientId, Instant now) {
        for (SessionView session : sessions.ofClient(clientId, null, 0, now).upcoming()) {
            try {
                commands.sendAndWait(new CancelSession(session.coachId(), session.sessionId(), Participant.CLIENT,
                                                       REASON, now));
            } catch (ConflictingCommandException e) {
                // started or cancelled meanwhile: nothing left to free
                log.info("Session {} not cancelled on erasure: {}", session.sessionId(), e.getMessage());
            }
        }
        journalWrites.send(new EraseJournal(clientId, now));
    }
}
