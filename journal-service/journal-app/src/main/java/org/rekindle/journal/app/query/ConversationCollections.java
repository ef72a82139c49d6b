package org.rekindle.journal.app.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The conversations' read model: one document per conversation ({@code _id} = conversation id: the message count
 * and each side's read mark) and one per message ({@code _id} = {@link #messageId}, text still sealed). Messages
 * grow with history, so they are only ever read by {@code _id} ({@code $in} over the numbers of one page), never by
 * a filter on the conversation.
 */
@Component
public class ConversationCollections {

    private final MongoCollection<Document> conversations;
    private final MongoCollection<Document> messages;

    ConversationCollections(MongoClient mongo, @Value("${rekindle.mongo.database}") String database) {
        this.conversations = mongo.getDatabase(database).getCollection("journal_conversations");
        this.messages = mongo.getDatabase(database).getCollection("journal_conversation_messages");
    }

    public MongoCollection<Document> conversations() {
        return conversations;
    }

    MongoCollection<Document> messages() {
        return messages;
    }

    static String messageId(String conversationId, int number) {
        return conversationId + "#" + number;
    }
}
