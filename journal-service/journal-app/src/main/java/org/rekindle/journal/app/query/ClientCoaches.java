package org.rekindle.journal.app.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Which coach each client is assigned to now, from plan-service's assignments: the only coach who may read the
 * entries that client shares. A later assignment replaces an earlier one; an older one arriving late does not.
 */
@Component
public class ClientCoaches {

    private final MongoCollection<Document> coaches;

    ClientCoaches(MongoClient mongo, @Value("${rekindle.mongo.database}") String database) {
        this.coaches = mongo.getDatabase(database).getCollection("journal_client_coaches");
    }

    public void assign(String clientId, String coachId, Instant assignedAt) {
        Document current = coaches.find(Filters.eq("_id", clientId)).first();
        if (current != null && current.getDate("assignedAt").toInstant().isAfter(assignedAt)) {
            return;
        }
        coaches.replaceOne(Filters.eq("_id", clientId), new Document("_id", clientId).append("coachId", coachId)
                .append("assignedAt", Date.from(assignedAt)), new ReplaceOptions().upsert(true));
    }

    public Optional<String> coachOf(String clientId) {
        return Optional.ofNullable(coaches.find(Filters.eq("_id", clientId)).first())
                       .map(doc -> doc.getString("coachId"));
    }
}
