package org.rekindle.journal.app.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.rekindle.journal.app.command.TextCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The persons a client marked, in the order marked, label and names opened with each person's key; an erased one
 * with neither (it reads as removed).
 */
@Component
public class PersonQueries {

    private final MongoCollection<Document> persons;
    private final TextCipher cipher;

    PersonQueries(MongoClient mongoClient, @Value("${rekindle.mongo.database}") String database, TextCipher cipher) {
        this.persons = collection(mongoClient, database);
        this.cipher = cipher;
    }

    static MongoCollection<Document> collection(MongoClient mongoClient, String database) {
        return mongoClient.getDatabase(database).getCollection("journal_persons");
    }

    /** A marked person: {@code label} and {@code names} are null and empty once {@code erased}. */
    public record Person(String personId, String label, List<String> names, boolean erased, Instant markedAt,
                         Instant erasedAt) {
    }

    public List<Person> of(String clientId) {
        Document doc = persons.find(Filters.eq("_id", clientId)).first();
        List<Person> found = new ArrayList<>();
        if (doc == null || doc.get("persons", Document.class) == null) {
            return found;
        }
        doc.get("persons", Document.class).forEach((id, value) -> found.add(person(clientId, id, (Document) value)));
        return found;
    }

    public Optional<Person> one(String clientId, String personId) {
        return of(clientId).stream().filter(p -> p.personId().equals(personId)).findFirst();
    }

    private Person person(String clientId, String personId, Document doc) {
        boolean erased = Boolean.TRUE.equals(doc.getBoolean("erased"));
        return new Person(personId,
                          erased ? null : cipher.openForPerson(clientId, personId, doc.getString("label")),
                          erased ? List.of() : doc.getList("names", String.class, List.of()).stream()
                                                  .map(name -> cipher.openForPerson(clientId, personId, name)).toList(),
                          erased, instant(doc.getDate("markedAt")), instant(doc.getDate("erasedAt")));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
