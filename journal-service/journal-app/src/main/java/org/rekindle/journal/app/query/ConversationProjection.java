package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.rekindle.journal.app.command.api.ConversationRead;
import org.rekindle.journal.app.command.api.JournalErased;
import org.rekindle.journal.app.command.api.MessageSent;
import org.rekindle.journal.app.command.api.Participant;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.rekindle.platform.readmodel.IdempotentWrites.applyOnce;

/**
 * Builds {@link ConversationCollections}. The message is written before its conversation's count, so a page read
 * through the count never names a message that is not there yet (and read-your-writes on the conversation document
 * covers the message).
 */
@Component
@ProcessingGroup(JournalReadModel.PROCESSING_GROUP)
class ConversationProjection {

    private final MongoCollection<Document> conversations;
    private final MongoCollection<Document> messages;

    ConversationProjection(ConversationCollections collections) {
        this.conversations = collections.conversations();
        this.messages = collections.messages();
    }

    @EventHandler
    void on(MessageSent event, @SequenceNumber long position) {
        String id = ConversationCollections.messageId(event.conversationId(), event.number());
        applyOnce(messages, id, position, Updates.combine(
                Updates.set("conversationId", event.conversationId()), Updates.set("number", event.number()),
                Updates.set("sender", event.sender().name()), Updates.set("text", event.text()),
                Updates.set("sentAt", Date.from(event.sentAt()))));
        String side = side(event.sender());
        applyOnce(conversations, event.conversationId(), position, Updates.combine(
                Updates.set("clientId", event.clientId()), Updates.set("coachId", event.coachId()),
                Updates.set("messages", event.number()), Updates.set("lastBy" + side, event.number()),
                Updates.max("readBy" + side, event.number()), Updates.set("lastSentAt", Date.from(event.sentAt()))));
    }

    @EventHandler
    void on(ConversationRead event, @SequenceNumber long position) {
        applyOnce(conversations, event.conversationId(), position,
                  Updates.max("readBy" + side(event.reader()), event.upTo()));
    }

    /**
     * An erased client's conversations go (their text is sealed with the deleted key anyway). The conversations by
     * client id: a scan on the embedded server, once per erasure, over one document per client and coach; their
     * messages by {@code _id}.
     */
    @EventHandler
    void on(JournalErased event) {
        for (Document conversation : conversations.find(Filters.eq("clientId", event.clientId()))) {
            String id = conversation.getString("_id");
            List<String> ids = new ArrayList<>();
            for (int number = 1; number <= conversation.getInteger("messages", 0); number++) {
                ids.add(ConversationCollections.messageId(id, number));
            }
            if (!ids.isEmpty()) {
                messages.deleteMany(Filters.in("_id", ids));
            }
            conversations.deleteOne(Filters.eq("_id", id));
        }
    }

    @ResetHandler
    void onReset() {
        conversations.deleteMany(new Document());
        messages.deleteMany(new Document());
    }

    static String side(Participant participant) {
        return participant == Participant.CLIENT ? "Client" : "Coach";
    }
}
