package org.rekindle.journal.app.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import org.rekindle.journal.app.query.ReadModelCollections;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class JournalMongoConfig {

    /**
     * Read models live in the service's own MongoDB database (the event store is in PostgreSQL). A client's lists
     * are read through the per-client indexes by {@code _id}; the clientId indexes serve the erasure's delete on
     * real MongoDB (the embedded MongoDB-wire server ignores non-unique indexes and scans; erasure is rare).
     */
    @Bean
    ReadModelCollections readModelCollections(MongoClient mongoClient,
                                              @Value("${rekindle.mongo.database}") String database) {
        MongoDatabase db = mongoClient.getDatabase(database);
        ReadModelCollections collections = new ReadModelCollections(db);
        collections.entries().createIndex(Indexes.ascending("clientId", "occurredAt"));
        collections.contactLog().createIndex(Indexes.ascending("clientId", "occurredAt"));
        collections.indexExistingRecords();
        return collections;
    }

    /** Journal text is sealed with a per-client key kept in its own collection (crypto-shredding on erasure). */
    @Bean
    org.rekindle.journal.app.command.TextCipher textCipher(MongoClient mongoClient,
                                                            @Value("${rekindle.mongo.database}") String database) {
        return new TinkTextCipher(mongoClient.getDatabase(database).getCollection("journal_client_keys"));
    }
}
