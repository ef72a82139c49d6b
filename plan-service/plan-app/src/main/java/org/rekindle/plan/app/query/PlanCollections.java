package org.rekindle.plan.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.rekindle.platform.readmodel.OwnerIndex;

/**
 * plan-service's read models: plans, and the catalog of program versions it keeps from content-service. Plans are
 * found by client and by coach through indexes of their ids ({@code plan_plans_by_client}, {@code
 * plan_plans_by_coach}), by {@code _id}: ended plans stay, so {@code plan_plans} grows with history. Each practice's
 * default breach rules are one document in {@code plan_practice_rules}.
 */
public record PlanCollections(MongoCollection<Document> plans, MongoCollection<Document> catalog,
                              OwnerIndex plansByClient, OwnerIndex plansByCoach,
                              MongoCollection<Document> practiceRules) {

    public PlanCollections(MongoDatabase database) {
        this(database.getCollection("plan_plans"), database.getCollection("plan_catalog"),
             new OwnerIndex(database.getCollection("plan_plans_by_client")),
             new OwnerIndex(database.getCollection("plan_plans_by_coach")),
             database.getCollection("plan_practice_rules"));
    }

    /** Indexes the plans stored before the client and coach indexes existed (one scan, on the first start). */
    public void indexExistingPlans() {
        plansByClient.buildOnceFrom(plans, doc -> doc.getString("clientId"), "clientId");
        plansByCoach.buildOnceFrom(plans, doc -> doc.getString("coachId"), "coachId");
    }
}
