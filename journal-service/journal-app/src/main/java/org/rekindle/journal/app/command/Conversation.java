package org.rekindle.journal.app.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.rekindle.journal.app.command.api.ConversationId;
import org.rekindle.journal.app.command.api.ConversationRead;
import org.rekindle.journal.app.command.api.MarkConversationRead;
import org.rekindle.journal.app.command.api.MessageSent;
import org.rekindle.journal.app.command.api.Participant;
import org.rekindle.journal.app.command.api.SendMessage;
import org.rekindle.journal.app.command.api.JournalTextsResealed;
import org.rekindle.journal.app.command.api.ResealConversation;
import org.rekindle.journal.app.command.api.ResealedText;
import org.rekindle.platform.command.InvalidCommandException;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.rekindle.journal.app.command.JournalRules.requireId;
import static org.rekindle.journal.app.command.JournalRules.requireNotInFuture;
import static org.rekindle.journal.app.command.JournalRules.requireText;

/**
 * The messages between a client and one coach, and how far each side has read the other's. Its own aggregate, like
 * {@link CoachNote}: both sides write to it, so it is not the client's journal, but every text is sealed with the
 * client's key, so erasing the client shreds the conversation, and once they are erased it takes no new messages
 * (sealing is refused: 409). Only the text is kept sealed here; the state needed to decide is the count and the
 * read marks.
 */
@Aggregate(snapshotTriggerDefinition = "journalSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Conversation {

    public static final int MAX_TEXT = 4_000;

    @AggregateIdentifier
    private String conversationId;
    private String clientId;
    private String coachId;
    private int messages;
    private int lastByClient;
    private int lastByCoach;
    private int readByClient;
    private int readByCoach;

    protected Conversation() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(SendMessage command, Clock clock, TextCipher cipher) {
        requireNotInFuture(command.sentAt(), clock);
        requireId("clientId", command.clientId());
        requireId("coachId", command.coachId());
        if (command.sender() == null) {
            throw new InvalidCommandException("sender", "must be given");
        }
        requireText("text", command.text(), MAX_TEXT);
        if (!ConversationId.of(command.clientId(), command.coachId()).equals(command.conversationId())) {
            throw new InvalidCommandException("conversationId", "must be the conversation of this client and coach");
        }
        int number = messages + 1;
        apply(new MessageSent(command.conversationId(), command.clientId(), command.coachId(), number,
                              command.sender(), cipher.seal(command.clientId(), command.text()), command.sentAt()));
        return number;
    }

    /** Only the other side's messages are read; marking past the other side's last message is refused. */
    @CommandHandler
    int handle(MarkConversationRead command, Clock clock) {
        requireNotInFuture(command.readAt(), clock);
        if (command.reader() == null) {
            throw new InvalidCommandException("reader", "must be given");
        }
        int othersLast = command.reader() == Participant.CLIENT ? lastByCoach : lastByClient;
        int upTo = command.upTo() == null ? othersLast : command.upTo();
        if (upTo < 0) {
            throw new InvalidCommandException("upTo", "must not be negative");
        }
        if (upTo > messages) {
            throw new InvalidCommandException("upTo", "must be at most " + messages + ", the latest message");
        }
        int current = command.reader() == Participant.CLIENT ? readByClient : readByCoach;
        if (upTo > current) {
            apply(new ConversationRead(conversationId, clientId, coachId, command.reader(), upTo, command.readAt()));
            return upTo;
        }
        return current;
    }

    /** The conversation's messages as sealed again by the re-seal (messages of this conversation only). */
    @CommandHandler
    void handle(ResealConversation command) {
        java.util.List<ResealedText> texts = command.texts() == null ? java.util.List.of() : command.texts().stream()
                .filter(text -> text != null && text.kind() == ResealedText.Kind.MESSAGE && text.text() != null
                                && conversationId.equals(text.recordId()) && text.number() >= 1
                                && text.number() <= messages).toList();
        if (!texts.isEmpty()) {
            apply(new JournalTextsResealed(clientId, texts, command.resealedAt()));
        }
    }

    @EventSourcingHandler
    void on(MessageSent event) {
        conversationId = event.conversationId();
        clientId = event.clientId();
        coachId = event.coachId();
        messages = event.number();
        // whoever writes has read everything before their own message
        if (event.sender() == Participant.CLIENT) {
            lastByClient = event.number();
            readByClient = event.number();
        } else {
            lastByCoach = event.number();
            readByCoach = event.number();
        }
    }

    @EventSourcingHandler
    void on(ConversationRead event) {
        if (event.reader() == Participant.CLIENT) {
            readByClient = Math.max(readByClient, event.upTo());
        } else {
            readByCoach = Math.max(readByCoach, event.upTo());
        }
    }
}
