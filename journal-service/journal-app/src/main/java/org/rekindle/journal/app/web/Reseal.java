package org.rekindle.journal.app.web;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.rekindle.journal.app.command.SealedTexts;
import org.rekindle.journal.app.command.TextCipher;
import org.rekindle.journal.app.command.api.ResealCalendarTexts;
import org.rekindle.journal.app.command.api.ResealCoachNote;
import org.rekindle.journal.app.command.api.ResealConversation;
import org.rekindle.journal.app.command.api.ResealJournalTexts;
import org.rekindle.journal.app.command.api.ResealedText;
import org.rekindle.journal.app.query.SessionQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Brings every stored text of a client under their marked persons, so a name written before the marking is a
 * placeholder too: (1) a new client key starts sealing; (2) for each aggregate holding the client's texts (the
 * journal, each coach note about them, each conversation, each coach calendar with their sessions: only this
 * client's texts there) the newest stored form of every text is read from the
 * event store, sealed again with the new key (names as placeholders) and recorded as {@code JournalTextsResealed}
 * (in slices of {@value #SLICE} texts), waiting until the read models hold it; (3) the old client keys are deleted,
 * so the earlier events' forms open no more. A failure before (3) leaves the old keys: everything still opens, and
 * the next re-seal finishes the job.
 * <p>
 * Step (2) runs twice: the second pass takes the texts stored while the first ran. Limit: a text sealed with the
 * old key by a command that read the key document before (1) and is stored only after the second pass read the
 * event store is not re-sealed and reads as retired (a command slower than the whole re-seal). Finding the coach notes and conversations is one query on the event store by aggregate id prefix (a
 * scan on PostgreSQL unless its collation is C); marking is rare.
 */
@Component
class Reseal {

    static final int SLICE = 200;

    private final TextCipher cipher;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final JournalWrites commands;
    private final RequestTime time;

    private final SessionQueries sessions;

    Reseal(TextCipher cipher, EventStore eventStore, JdbcTemplate jdbc, JournalWrites commands, RequestTime time,
           SessionQueries sessions) {
        this.sessions = sessions;
        this.cipher = cipher;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.commands = commands;
        this.time = time;
    }

    void texts(String clientId) {
        cipher.rotate(clientId);
        java.util.Set<String> done = new java.util.HashSet<>();
        resealNewTexts(clientId, done);
        // a second pass takes what commands stored while the first ran (sealed with the old key if they read the key
        // document before the rotation); then nothing sealed with the old keys is the newest form of a text
        resealNewTexts(clientId, done);
        cipher.retireOldKeys(clientId);
    }

    /** Seals again the newest form of every text not re-sealed yet ({@code done}: aggregate id and text key). */
    private void resealNewTexts(String clientId, java.util.Set<String> done) {
        List<String> calendars = sessions.coachesOf(clientId);
        for (String aggregateId : java.util.stream.Stream.concat(aggregatesOf(clientId).stream(), calendars.stream())
                                                        .distinct().toList()) {
            List<Object> events = eventStore.readEvents(aggregateId, 0L).asStream()
                                            .map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
            List<ResealedText> texts = SealedTexts.newest(events, clientId).stream()
                    .filter(text -> done.add(aggregateId + "|" + text.key()))
                    .map(text -> text.withText(cipher.reseal(clientId, text.text()))).toList();
            if (!texts.isEmpty() && !knows(aggregateId, clientId) && !calendars.contains(aggregateId)) {
                // a kind of aggregate with texts this re-seal cannot record: keep the old keys (nothing is lost)
                throw new IllegalStateException("no re-seal for aggregate " + aggregateId + "; old keys kept");
            }
            for (int from = 0; from < texts.size(); from += SLICE) {
                List<ResealedText> slice = List.copyOf(texts.subList(from, Math.min(texts.size(), from + SLICE)));
                commands.send(calendars.contains(aggregateId)
                              ? new ResealCalendarTexts(aggregateId, clientId, slice, time.now())
                              : command(aggregateId, clientId, slice, time.now()));
            }
        }
    }

    private List<String> aggregatesOf(String clientId) {
        String prefix = clientId.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
        List<String> others = jdbc.queryForList("SELECT DISTINCT aggregate_identifier FROM domain_event_entry "
                                                + "WHERE aggregate_identifier LIKE ? ESCAPE '\\'", String.class, prefix);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(clientId), others.stream()).toList();
    }

    private static boolean knows(String aggregateId, String clientId) {
        return aggregateId.equals(clientId) || aggregateId.contains("/coach-note/")
               || aggregateId.contains("/conversation/");
    }

    private static Object command(String aggregateId, String clientId, List<ResealedText> texts, Instant at) {
        if (aggregateId.equals(clientId)) {
            return new ResealJournalTexts(clientId, List.copyOf(texts), at);
        }
        if (aggregateId.contains("/coach-note/")) {
            return new ResealCoachNote(aggregateId, clientId, List.copyOf(texts), at);
        }
        if (aggregateId.contains("/conversation/")) {
            return new ResealConversation(aggregateId, clientId, List.copyOf(texts), at);
        }
        throw new IllegalStateException("no re-seal for aggregate " + aggregateId);
    }
}
