package org.rekindle.plan.app.query.dashboard;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * When each coach last opened their dashboard, so it can mark what is new since. One document per coach, by
 * {@code _id}; screen state, not a record of truth, so it is not an event and a rebuild leaves it alone.
 */
@Component
public class CoachVisits {

    private final MongoCollection<Document> visits;

    CoachVisits(MongoClient mongoClient, @Value("${rekindle.mongo.database}") String database) {
        this.visits = mongoClient.getDatabase(database).getCollection("dashboard_coach_visits");
    }

    /** Records a visit at {@code now}; returns the one before it, if any. */
    public Optional<Instant> visit(String coachId, Instant now) {
        Document before = visits.findOneAndUpdate(Filters.eq("_id", coachId), Updates.set("at", Date.from(now)),
                                                  new FindOneAndUpdateOptions().upsert(true));
        return Optional.ofNullable(before).map(doc -> doc.getDate("at")).map(Date::toInstant);
    }
}
