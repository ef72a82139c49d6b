package org.rekindle.plan.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Component
public class PlanQueries {

    private final MongoCollection<Document> plans;

    PlanQueries(PlanCollections collections) {
        this.plans = collections.plans();
    }

    /** The plan as a JSON-ready map (its document without storage fields). */
    public Optional<Map<String, Object>> plan(String planId) {
        return Optional.ofNullable(plans.find(Filters.eq("_id", planId)).first()).map(PlanQueries::view);
    }

    /** Plans of a client, or of a coach (the filter names which field). */
    public List<Map<String, Object>> plansWhere(String field, String id) {
        return plans.find(Filters.eq(field, id)).map(PlanQueries::view).into(new ArrayList<>());
    }

    /** Ids of the client's plans still running (outcome ACTIVE): journal activity goes to these. */
    public List<String> activePlanIdsOf(String clientId) {
        return plans.find(Filters.and(Filters.eq("clientId", clientId), Filters.eq("outcome", "ACTIVE")))
                    .map(doc -> doc.getString("_id")).into(new ArrayList<>());
    }

    private static Map<String, Object> view(Document doc) {
        Document view = new Document(doc);
        view.put("planId", view.remove("_id"));
        view.remove(org.rekindle.platform.readmodel.IdempotentWrites.POSITION);
        return view;
    }
}
