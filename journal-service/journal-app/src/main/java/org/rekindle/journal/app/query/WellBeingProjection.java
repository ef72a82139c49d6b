package org.rekindle.journal.app.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.rekindle.journal.app.command.api.JournalErased;
import org.rekindle.journal.app.command.api.WellBeingCheckedIn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Date;

import static org.rekindle.platform.readmodel.IdempotentWrites.applyOnce;

/**
 * {@code journal_well_being}: one document per client (read by {@code _id}) holding their weekly WHO-5 check-ins in
 * the order recorded. One a week, so it grows by about 52 small entries a year.
 */
@Component
@ProcessingGroup(JournalReadModel.PROCESSING_GROUP)
class WellBeingProjection {

    private final MongoCollection<Document> wellBeing;

    WellBeingProjection(MongoClient mongoClient, @Value("${rekindle.mongo.database}") String database) {
        this.wellBeing = WellBeingQueries.collection(mongoClient, database);
    }

    @EventHandler
    void on(WellBeingCheckedIn event, @SequenceNumber long position) {
        Document checkIn = new Document("checkInId", event.checkInId()).append("week", event.week())
                .append("items", event.items()).append("rawScore", event.rawScore())
                .append("percentage", event.percentage()).append("occurredAt", Date.from(event.occurredAt()));
        applyOnce(wellBeing, event.clientId(), position, Updates.push("checkIns", checkIn));
    }

    @EventHandler
    void on(JournalErased event) {
        wellBeing.deleteOne(Filters.eq("_id", event.clientId()));
    }

    @ResetHandler
    void onReset() {
        wellBeing.deleteMany(new Document());
    }
}
