package org.rekindle.content.app.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Indexes;
import org.rekindle.content.app.query.ContentCollections;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ContentMongoConfig {

    /**
     * The multikey index on search tokens serves search on real MongoDB; the embedded MongoDB-wire server ignores
     * non-unique indexes and scans the (catalog-sized) search collection instead.
     */
    @Bean
    ContentCollections contentCollections(MongoClient mongoClient,
                                          @Value("${rekindle.mongo.database}") String database) {
        ContentCollections collections = new ContentCollections(mongoClient.getDatabase(database));
        collections.search().createIndex(Indexes.ascending("tokens"));
        collections.search().createIndex(Indexes.ascending("programId"));
        collections.versions().createIndex(Indexes.ascending("programId"));
        return collections;
    }
}
