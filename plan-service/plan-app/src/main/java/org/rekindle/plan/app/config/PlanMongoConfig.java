package org.rekindle.plan.app.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Indexes;
import org.rekindle.plan.app.query.PlanCollections;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PlanMongoConfig {

    /**
     * Plans are looked up by client (journal activity, access checks) and coach through the per-client and
     * per-coach indexes, by {@code _id}. The field indexes serve ad-hoc queries on real MongoDB (the embedded
     * server ignores them).
     */
    @Bean
    PlanCollections planCollections(MongoClient mongoClient, @Value("${rekindle.mongo.database}") String database) {
        PlanCollections collections = new PlanCollections(mongoClient.getDatabase(database));
        collections.plans().createIndex(Indexes.ascending("clientId"));
        collections.plans().createIndex(Indexes.ascending("coachId"));
        collections.indexExistingPlans();
        return collections;
    }
}
