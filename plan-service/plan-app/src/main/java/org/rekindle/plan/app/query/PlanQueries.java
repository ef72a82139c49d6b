package org.rekindle.plan.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.rekindle.platform.readmodel.ByIds;
import org.rekindle.platform.readmodel.DocumentOrder;
import org.rekindle.platform.readmodel.OwnerIndex;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

@Component
public class PlanQueries {

    private static final Comparator<Document> PLAN_ORDER = DocumentOrder.ascending("assignedAt")
                                                                         .thenComparing(DocumentOrder.ascending("_id"));

    private final PlanCollections collections;
    private final MongoCollection<Document> plans;

    PlanQueries(PlanCollections collections) {
        this.collections = collections;
        this.plans = collections.plans();
    }

    /** The plan with every step's state, as stored (a coach's view is narrowed by {@link PlanView#forCoach}). */
    public Optional<PlanView> plan(String planId) {
        return Optional.ofNullable(plans.find(Filters.eq("_id", planId)).first()).map(PlanQueries::view);
    }

    /**
     * Plans of a client, or of a coach (the filter names which field: {@code clientId} or {@code coachId}), in the
     * order they were assigned. Read by id through the client's or coach's index, never by scanning the plans.
     */
    public List<PlanView> plansWhere(String field, String id) {
        return plansOf(field, id).stream().map(PlanQueries::view).toList();
    }

    /** Ids of the client's plans still running (outcome ACTIVE): journal activity goes to these. */
    public List<String> activePlanIdsOf(String clientId) {
        return activePlanIdsOf(Set.of(clientId)).getOrDefault(clientId, List.of());
    }

    /**
     * {@link #activePlanIdsOf(String)} for many clients in two lookups (their index documents, then their plans):
     * clients with no running plan are absent.
     */
    public Map<String, List<String>> activePlanIdsOf(Collection<String> clientIds) {
        List<Document> found = ByIds.find(plans, collections.plansByClient().ids(clientIds));
        found.sort(PLAN_ORDER);
        return found.stream().filter(doc -> "ACTIVE".equals(doc.getString("outcome"))
                                            && clientIds.contains(doc.getString("clientId")))
                    .collect(Collectors.groupingBy(doc -> doc.getString("clientId"), LinkedHashMap::new,
                                                   Collectors.mapping(doc -> doc.getString("_id"),
                                                                      Collectors.toList())));
    }

    /** The plan's breach rules: as assigned, then every change in the order made; empty for an unknown plan. */
    public Optional<BreachRulesView> breachRules(String planId) {
        return Optional.ofNullable(plans.find(Filters.eq("_id", planId)).first()).map(doc -> BreachRulesView.of(
                doc.getBoolean("replyToExCountsAsBreach", false),
                doc.getList("breachRuleChanges", Document.class, List.of())));
    }

    private List<Document> plansOf(String field, String id) {
        OwnerIndex index = switch (field) {
            case "clientId" -> collections.plansByClient();
            case "coachId" -> collections.plansByCoach();
            default -> throw new IllegalArgumentException("plans are found by clientId or coachId, not " + field);
        };
        return index.documentsOf(plans, id, PLAN_ORDER).stream().filter(doc -> id.equals(doc.getString(field))).toList();
    }

    private static PlanView view(Document doc) {
        return new PlanView(doc.getString("_id"), doc.getString("clientId"), doc.getString("coachId"),
                            doc.getString("programId"), doc.getInteger("programVersion", 0),
                            LocalDate.parse(doc.getString("startDate")), doc.getString("timezone"),
                            doc.getBoolean("replyToExCountsAsBreach", false), doc.getString("outcome"),
                            doc.getBoolean("paused", false), replacement(doc.get("replacedBy", Document.class)),
                            instant(doc.getDate("assignedAt")),
                            doc.getList("steps", Document.class, List.of()).stream().map(PlanQueries::step).toList(),
                            null);
    }

    private static PlanView.Replacement replacement(Document replacedBy) {
        return replacedBy == null ? null : new PlanView.Replacement(replacedBy.getString("planId"),
                                                                   replacedBy.getString("reason"),
                                                                   instant(replacedBy.getDate("at")));
    }

    private static StepView step(Document step) {
        return new StepView(step.getString("stepId"), step.getString("phaseId"), step.getString("kind"),
                            step.getString("title"), LocalDate.parse(step.getString("dueDate")),
                            step.getString("promptId"), step.getInteger("targetDays"), step.getInteger("checkIns"),
                            step.getString("status"), step.getString("completedBy"),
                            instant(step.getDate("completedAt")), instant(step.getDate("overdueSince")),
                            step.getInteger("counted"), step.getString("reason"));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
