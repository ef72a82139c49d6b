package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.rekindle.journal.app.command.TextCipher;
import org.rekindle.journal.app.command.api.ConversationId;
import org.rekindle.journal.app.command.api.Participant;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pages of a conversation, newest first in pages and oldest first within one. Two reads on {@code _id}: the
 * conversation's count, then the page's messages by number; the cost is the page, whatever the history.
 */
@Component
public class ConversationQueries {

    public static final int MAX_PAGE = 100;

    private final MongoCollection<Document> conversations;
    private final MongoCollection<Document> messages;
    private final TextCipher cipher;

    ConversationQueries(ConversationCollections collections, TextCipher cipher) {
        this.conversations = collections.conversations();
        this.messages = collections.messages();
        this.cipher = cipher;
    }

    /** The up to {@code limit} latest messages before number {@code before} (null: the latest). */
    public ConversationView page(String clientId, String coachId, Integer before, int limit) {
        String id = ConversationId.of(clientId, coachId);
        Document conversation = conversations.find(Filters.eq("_id", id)).first();
        if (conversation == null) {
            return new ConversationView(id, clientId, coachId, 0, 0, 0, List.of(), null);
        }
        int count = conversation.getInteger("messages", 0);
        int readByClient = conversation.getInteger("readByClient", 0);
        int readByCoach = conversation.getInteger("readByCoach", 0);
        int newest = before == null ? count : Math.min(before - 1, count);
        int oldest = Math.max(1, newest - Math.min(limit, MAX_PAGE) + 1);
        List<String> ids = new ArrayList<>();
        for (int number = oldest; number <= newest; number++) {
            ids.add(ConversationCollections.messageId(id, number));
        }
        List<ConversationView.Message> page = new ArrayList<>();
        if (!ids.isEmpty()) {
            for (Document message : messages.find(Filters.in("_id", ids))) {
                int number = message.getInteger("number");
                Participant sender = Participant.valueOf(message.getString("sender"));
                int otherRead = sender == Participant.CLIENT ? readByCoach : readByClient;
                page.add(new ConversationView.Message(number, sender, cipher.open(clientId, message.getString("text")),
                                                      message.getDate("sentAt").toInstant(), otherRead >= number));
            }
        }
        page.sort(Comparator.comparingInt(ConversationView.Message::number));
        Integer olderBefore = newest >= 1 && oldest > 1 ? oldest : null;
        return new ConversationView(id, clientId, coachId, count, readByClient, readByCoach, List.copyOf(page),
                                    olderBefore);
    }
}
