package org.rekindle.notification.app.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.rekindle.notification.app.rules.Check;
import org.rekindle.notification.app.rules.ClientFacts;
import org.rekindle.notification.app.rules.Notice;
import org.rekindle.platform.readmodel.ExactKeyMatch;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * One document per client: the rules' facts, a version for optimistic concurrency (Kafka listeners and the
 * schedule may handle the same client at once), and an outbox of the notices and checks the last decision made.
 * Facts and outbox change in one atomic write, so a crash between deciding and acting loses nothing: the next
 * handler of that client flushes the outbox first (every action in it is idempotent).
 */
@Component
public class ClientFactsStore {

    /** A client's facts as stored, with the version to write against and the actions not yet flushed. */
    public record Stored(ClientFacts facts, long version, List<Notice> notices, List<Check> checks) {

        public boolean hasOutbox() {
            return !notices.isEmpty() || !checks.isEmpty();
        }
    }

    private final MongoCollection<Document> clients;
    private final ExactKeyMatch atVersion;
    private final ObjectMapper json;

    ClientFactsStore(NotificationCollections collections, ObjectMapper json) {
        this.clients = collections.clients();
        this.atVersion = ExactKeyMatch.on(clients, "version");
        this.json = json;
    }

    public Stored load(String clientId) {
        Document doc = clients.find(Filters.eq("_id", clientId)).first();
        if (doc == null) {
            return new Stored(ClientFacts.of(clientId), 0, List.of(), List.of());
        }
        return new Stored(read(doc.getString("facts"), new TypeReference<>() { }), doc.getLong("version"),
                          read(doc.getString("notices"), new TypeReference<>() { }),
                          read(doc.getString("checks"), new TypeReference<>() { }));
    }

    /** Writes new facts and their outbox if nobody wrote since {@code version}; false means: load and decide again. */
    public boolean save(String clientId, long version, ClientFacts facts, List<Notice> notices, List<Check> checks) {
        Document doc = new Document("_id", clientId).append("version", version + 1).append("facts", write(facts))
                .append("notices", write(notices)).append("checks", write(checks));
        if (version == 0) {
            try {
                clients.insertOne(doc);
                return true;
            } catch (MongoWriteException e) {
                if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        return clients.replaceOne(atVersion.filter(clientId, version), doc)
                      .getModifiedCount() == 1;
    }

    public void delete(String clientId) {
        clients.deleteOne(Filters.eq("_id", clientId));
    }

    /** Empties the outbox once flushed, unless another writer has moved on (then it flushes it again: harmless). */
    public void clearOutbox(String clientId, long version) {
        clients.updateOne(atVersion.filter(clientId, version),
                          Updates.combine(Updates.set("notices", "[]"), Updates.set("checks", "[]"),
                                          Updates.inc("version", 1L)));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write client facts", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable client facts", e);
        }
    }
}
