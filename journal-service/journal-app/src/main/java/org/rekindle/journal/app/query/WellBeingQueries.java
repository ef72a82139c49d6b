package org.rekindle.journal.app.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;

/** A client's weekly WHO-5 check-ins, oldest first (empty when they never answered one). */
@Component
public class WellBeingQueries {

    private final MongoCollection<Document> wellBeing;

    WellBeingQueries(MongoClient mongoClient, @Value("${rekindle.mongo.database}") String database) {
        this.wellBeing = collection(mongoClient, database);
    }

    static MongoCollection<Document> collection(MongoClient mongoClient, String database) {
        return mongoClient.getDatabase(database).getCollection("journal_well_being");
    }

    /** One answered WHO-5: the five answers, raw score (0-25), percentage (0-100), its ISO week. */
    public record CheckIn(String checkInId, String week, List<Integer> items, int rawScore, int percentage,
                          java.time.Instant occurredAt) {
    }

    public List<CheckIn> of(String clientId) {
        Document doc = wellBeing.find(Filters.eq("_id", clientId)).first();
        if (doc == null) {
            return List.of();
        }
        return doc.getList("checkIns", Document.class, List.of()).stream()
                  .map(c -> new CheckIn(c.getString("checkInId"), c.getString("week"),
                                        c.getList("items", Integer.class), c.getInteger("rawScore"),
                                        c.getInteger("percentage"), c.get("occurredAt", Date.class).toInstant()))
                  .toList();
    }
}
