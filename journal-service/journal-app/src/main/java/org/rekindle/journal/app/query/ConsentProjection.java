package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.rekindle.journal.app.command.api.ConsentChanged;
import org.springframework.stereotype.Component;

import java.util.Date;

/**
 * One document per client who chose what their coach sees ({@code _id} = client id): the latest choice. A
 * redelivered or older event (lower sequence number) changes nothing. Erasure keeps it: the consent is the client's
 * choice about what their coach may see from now on, and falling back to the default would show the coach more.
 */
@Component
@ProcessingGroup(JournalReadModel.PROCESSING_GROUP)
class ConsentProjection {

    private final MongoCollection<Document> consent;

    ConsentProjection(ReadModelCollections collections) {
        this.consent = collections.consent();
    }

    @EventHandler
    void on(ConsentChanged event, @SequenceNumber long position) {
        Document current = consent.find(Filters.eq("_id", event.clientId())).first();
        if (current != null && current.getLong("position") >= position) {
            return;
        }
        consent.replaceOne(Filters.eq("_id", event.clientId()), new Document("_id", event.clientId())
                .append("coachSees", event.coachSees().stream().map(Enum::name).sorted().toList())
                .append("changedAt", Date.from(event.changedAt())).append("position", position),
                           new ReplaceOptions().upsert(true));
    }

    @ResetHandler
    void onReset() {
        consent.deleteMany(new Document());
    }
}
