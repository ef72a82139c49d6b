package org.rekindle.plan.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/** plan-service's read models: plans, and the catalog of program versions it keeps from content-service. */
public record PlanCollections(MongoCollection<Document> plans, MongoCollection<Document> catalog) {

    public PlanCollections(MongoDatabase database) {
        this(database.getCollection("plan_plans"), database.getCollection("plan_catalog"));
    }
}
