package org.rekindle.plan.app.query.dashboard;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Events recorded in a later month than the one they happened in (a client logs on 1 December the call of 30
 * November): {@code dashboard_late_arrivals}, one document per client ({@code _id} = clientId) listing each such
 * event's month and when it was recorded. "As you saw it then" cannot start from a month-end row that already holds an
 * event recorded after the instant asked about; this tells from which month to fold again. Rare, so small per client.
 */
final class LateArrivals {

    private final MongoCollection<Document> late;

    LateArrivals(MongoCollection<Document> late) {
        this.late = late;
    }

    /** Keeps the event if it was recorded after its own month; idempotent (a redelivery adds nothing). */
    void note(ClientEvent event) {
        String month = DashboardDocuments.month(event.time());
        if (month.compareTo(DashboardDocuments.month(event.recordedAt())) < 0) {
            late.updateOne(Filters.eq("_id", event.clientId()),
                           Updates.addToSet("events", new Document("eventId", event.eventId()).append("month", month)
                                   .append("recordedAt", Date.from(event.recordedAt()))),
                           new UpdateOptions().upsert(true));
        }
    }

    /** The earliest month holding an event of the client recorded after {@code seenAt}, if any. One read by id. */
    Optional<String> earliestMonthRecordedAfter(String clientId, Instant seenAt) {
        Document doc = late.find(Filters.eq("_id", clientId)).first();
        List<Document> events = doc == null ? List.of() : doc.getList("events", Document.class, List.of());
        return events.stream().filter(e -> e.getDate("recordedAt").toInstant().isAfter(seenAt))
                     .map(e -> e.getString("month")).min(String::compareTo);
    }

    void forget(String clientId) {
        late.deleteOne(Filters.eq("_id", clientId));
    }

    void clear() {
        late.deleteMany(new Document());
    }
}
