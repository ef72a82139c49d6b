package org.rekindle.plan.app.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Indexes;
import org.rekindle.plan.app.query.PlanCollections;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PlanMongoConfig {

    /** Plans are looked up by client (journal activity) and coach (dashboard); indexes serve real MongoDB. */
    @Bean
    PlanCollections planCollections(MongoClient mongoClient, @Value("${rekindle.mongo.database}") String database) {
        PlanCollections collections = new PlanCollections(mongoClient.getDatabase(database));
        collections.plans().createIndex(Indexes.ascending("clientId"));
        collections.plans().createIndex(Indexes.ascending("coachId"));
        return collections;
    }
}
