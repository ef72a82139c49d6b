package org.rekindle.plan.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.rekindle.platform.readmodel.OwnerIndex;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Component
public class PlanQueries {

    private final PlanCollections collections;
    private final MongoCollection<Document> plans;

    PlanQueries(PlanCollections collections) {
        this.collections = collections;
        this.plans = collections.plans();
    }

    /** The plan as a JSON-ready map (its document without storage fields). */
    public Optional<Map<String, Object>> plan(String planId) {
        return Optional.ofNullable(plans.find(Filters.eq("_id", planId)).first()).map(PlanQueries::view);
    }

    /**
     * Plans of a client, or of a coach (the filter names which field: {@code clientId} or {@code coachId}), in the
     * order they were assigned. Read by id through the client's or coach's index, never by scanning the plans.
     */
    public List<Map<String, Object>> plansWhere(String field, String id) {
        return plansOf(field, id).stream().map(PlanQueries::view).toList();
    }

    /** Ids of the client's plans still running (outcome ACTIVE): journal activity goes to these. */
    public List<String> activePlanIdsOf(String clientId) {
        return plansOf("clientId", clientId).stream().filter(doc -> "ACTIVE".equals(doc.getString("outcome")))
                                            .map(doc -> doc.getString("_id")).toList();
    }

    private List<Document> plansOf(String field, String id) {
        OwnerIndex index = switch (field) {
            case "clientId" -> collections.plansByClient();
            case "coachId" -> collections.plansByCoach();
            default -> throw new IllegalArgumentException("plans are found by clientId or coachId, not " + field);
        };
        return index.documentsOf(plans, id).sort(Sorts.ascending("assignedAt", "_id")).into(new ArrayList<>())
                    .stream().filter(doc -> id.equals(doc.getString(field))).toList();
    }

    private static Map<String, Object> view(Document doc) {
        Document view = new Document(doc);
        view.put("planId", view.remove("_id"));
        view.remove(org.rekindle.platform.readmodel.IdempotentWrites.POSITION);
        return view;
    }
}
