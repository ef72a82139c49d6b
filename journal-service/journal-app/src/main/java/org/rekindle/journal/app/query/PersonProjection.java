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
import org.rekindle.journal.app.command.api.PersonErased;
import org.rekindle.journal.app.command.api.PersonMarked;
import org.rekindle.journal.app.command.api.PersonRenamed;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Date;

import static org.rekindle.platform.readmodel.IdempotentWrites.applyOnce;

/**
 * {@code journal_persons}: one document per client (read by {@code _id}) with the persons they marked under
 * {@code persons.<personId>}, in the order marked: label and names as the events hold them (sealed with the
 * person's key), and once erased only the tombstone (no label, no names).
 */
@Component
@ProcessingGroup(JournalReadModel.PROCESSING_GROUP)
class PersonProjection {

    private final MongoCollection<Document> persons;

    PersonProjection(MongoClient mongoClient, @Value("${rekindle.mongo.database}") String database) {
        this.persons = PersonQueries.collection(mongoClient, database);
    }

    @EventHandler
    void on(PersonMarked event, @SequenceNumber long position) {
        applyOnce(persons, event.clientId(), position, Updates.set("persons." + event.personId(),
                new Document("label", event.label()).append("names", event.names())
                        .append("markedAt", Date.from(event.markedAt())).append("erased", false)));
    }

    @EventHandler
    void on(PersonRenamed event, @SequenceNumber long position) {
        String at = "persons." + event.personId() + ".";
        applyOnce(persons, event.clientId(), position, Updates.combine(
                Updates.set(at + "label", event.label()), Updates.set(at + "names", event.names()),
                Updates.set(at + "renamedAt", Date.from(event.renamedAt()))));
    }

    @EventHandler
    void on(PersonErased event, @SequenceNumber long position) {
        String at = "persons." + event.personId() + ".";
        applyOnce(persons, event.clientId(), position, Updates.combine(
                Updates.unset(at + "label"), Updates.unset(at + "names"), Updates.set(at + "erased", true),
                Updates.set(at + "erasedAt", Date.from(event.erasedAt()))));
    }

    @EventHandler
    void on(JournalErased event) {
        persons.deleteOne(Filters.eq("_id", event.clientId()));
    }

    @ResetHandler
    void onReset() {
        persons.deleteMany(new Document());
    }
}
