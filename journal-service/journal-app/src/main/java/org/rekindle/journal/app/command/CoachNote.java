package org.rekindle.journal.app.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.rekindle.journal.app.command.api.JournalTextsResealed;
import org.rekindle.journal.app.command.api.ResealCoachNote;
import org.rekindle.journal.app.command.api.ResealedText;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.rekindle.journal.app.command.api.CoachNoteId;
import org.rekindle.journal.app.command.api.CoachNoteRevised;
import org.rekindle.journal.app.command.api.CoachNoteWritten;
import org.rekindle.journal.app.command.api.WriteCoachNote;
import org.rekindle.platform.command.InvalidCommandException;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.rekindle.journal.app.command.JournalRules.MAX_COACH_NOTE;
import static org.rekindle.journal.app.command.JournalRules.requireId;
import static org.rekindle.journal.app.command.JournalRules.requireNotInFuture;
import static org.rekindle.journal.app.command.JournalRules.requireText;

/**
 * A coach's private working note about one client ("what I'm watching for"), one per client and coach. Its own
 * aggregate rather than part of the client's {@link Journal}: it is the coach's text, not the client's record, so it
 * neither opens the client's journal nor grows it. It is sealed with the client's key all the same, so erasing the
 * client shreds it, and once the client is erased it takes no new text (sealing is refused: 409).
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class CoachNote {

    @AggregateIdentifier
    private String noteId;
    private String clientId;
    private String sealedText;
    private int revision;

    protected CoachNote() {
        // for Axon
    }

    /** Saving the text already kept records nothing and answers the current revision. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(WriteCoachNote command, Clock clock, TextCipher cipher) {
        requireNotInFuture(command.writtenAt(), clock);
        requireId("clientId", command.clientId());
        requireId("coachId", command.coachId());
        requireText("text", command.text(), MAX_COACH_NOTE);
        if (!CoachNoteId.of(command.clientId(), command.coachId()).equals(command.noteId())) {
            throw new InvalidCommandException("noteId", "must be the note of this client and coach");
        }
        if (noteId != null && command.text().equals(cipher.open(clientId, sealedText))) {
            return revision;
        }
        String sealed = cipher.seal(command.clientId(), command.text());
        if (noteId == null) {
            apply(new CoachNoteWritten(command.noteId(), command.clientId(), command.coachId(), sealed, 1,
                                       command.writtenAt()));
        } else {
            apply(new CoachNoteRevised(noteId, clientId, command.coachId(), sealed, revision + 1,
                                       command.writtenAt()));
        }
        return revision;
    }

    /** The note's current text as sealed again by the re-seal; a revision written since is left as it is. */
    @CommandHandler
    void handle(ResealCoachNote command) {
        java.util.List<ResealedText> texts = command.texts() == null ? java.util.List.of() : command.texts().stream()
                .filter(text -> text != null && text.kind() == ResealedText.Kind.COACH_NOTE
                                && noteId.equals(text.recordId()) && text.number() == revision && text.text() != null)
                .toList();
        if (!texts.isEmpty()) {
            apply(new JournalTextsResealed(clientId, texts, command.resealedAt()));
        }
    }

    @EventSourcingHandler
    void on(JournalTextsResealed event) {
        event.texts().stream().filter(text -> text.number() == revision).forEach(text -> sealedText = text.text());
    }

    @EventSourcingHandler
    void on(CoachNoteWritten event) {
        noteId = event.noteId();
        clientId = event.clientId();
        sealedText = event.text();
        revision = event.revision();
    }

    @EventSourcingHandler
    void on(CoachNoteRevised event) {
        sealedText = event.text();
        revision = event.revision();
    }
}
