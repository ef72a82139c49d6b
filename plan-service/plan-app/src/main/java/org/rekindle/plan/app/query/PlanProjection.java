package org.rekindle.plan.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.rekindle.plan.app.command.api.MoodCheckInCounted;
import org.rekindle.plan.app.command.api.NoContactAttemptEnded;
import org.rekindle.plan.app.command.api.NoContactAttemptRejudged;
import org.rekindle.plan.app.command.api.NoContactFactRecorded;
import org.rekindle.plan.app.command.api.NoContactAttemptStarted;
import org.rekindle.plan.app.command.api.BreachRulesChanged;
import org.rekindle.plan.app.command.api.OutcomeChanged;
import org.rekindle.plan.app.command.api.PlanAssigned;
import org.rekindle.plan.app.command.api.PlanPaused;
import org.rekindle.plan.app.command.api.PlanReplaced;
import org.rekindle.plan.app.command.api.PlanResumed;
import org.rekindle.plan.app.command.api.StepCompleted;
import org.rekindle.plan.app.command.api.StepOverdue;
import org.rekindle.plan.app.command.api.StepReopened;
import org.rekindle.plan.app.command.api.StepSkipped;
import org.rekindle.platform.readmodel.OwnerIndex;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.rekindle.platform.readmodel.IdempotentWrites.replaceOnce;

/** One document per plan with every step's state; written once per event (guarded by the sequence number). */
@Component
@ProcessingGroup(PlanReadModel.PROCESSING_GROUP)
class PlanProjection {

    private final MongoCollection<Document> plans;
    private final OwnerIndex plansByClient;
    private final OwnerIndex plansByCoach;

    PlanProjection(PlanCollections collections) {
        this.plans = collections.plans();
        this.plansByClient = collections.plansByClient();
        this.plansByCoach = collections.plansByCoach();
    }

    @EventHandler
    void on(PlanAssigned e, @SequenceNumber long position) {
        plansByClient.add(e.clientId(), e.planId());
        plansByCoach.add(e.coachId(), e.planId());
        replaceOnce(plans, e.planId(), position, new Document("clientId", e.clientId()).append("coachId", e.coachId())
                .append("programId", e.programId()).append("programVersion", e.programVersion())
                .append("startDate", e.startDate().toString()).append("timezone", e.timezone())
                .append("replyToExCountsAsBreach", e.replyToExCountsAsBreach())
                .append("outcome", "ACTIVE").append("paused", false).append("assignedAt", Date.from(e.assignedAt()))
                .append("steps", e.steps().stream().map(s -> new Document("stepId", s.stepId())
                        .append("phaseId", s.phaseId()).append("kind", s.kind()).append("title", s.title())
                        .append("dueDate", s.dueDate().toString()).append("status", "OPEN")
                        .append("promptId", s.promptId()).append("targetDays", s.targetDays())
                        .append("checkIns", s.checkIns()).append("counted", 0)).toList()));
    }

    @EventHandler
    void on(StepCompleted e, @SequenceNumber long position) {
        changeStep(e.planId(), position, e.stepId(), step -> step.append("status", "COMPLETED")
                .append("completedBy", e.completedBy().name()).append("completedAt", Date.from(e.completedAt())));
    }

    @EventHandler
    void on(StepOverdue e, @SequenceNumber long position) {
        changeStep(e.planId(), position, e.stepId(), step -> step.append("overdueSince", Date.from(e.overdueSince())));
    }

    @EventHandler
    void on(StepReopened e, @SequenceNumber long position) {
        changeStep(e.planId(), position, e.stepId(), step -> step.append("status", "OPEN").append("completedBy", null)
                                                                 .append("completedAt", null).append("reason", null)
                                                                 .append("overdueSince", null));
    }

    @EventHandler
    void on(StepSkipped e, @SequenceNumber long position) {
        changeStep(e.planId(), position, e.stepId(), step -> step.append("status", "SKIPPED")
                                                                 .append("reason", e.reason()));
    }

    @EventHandler
    void on(MoodCheckInCounted e, @SequenceNumber long position) {
        changeStep(e.planId(), position, e.stepId(), step -> step.append("counted", e.counted()));
    }

    @EventHandler
    void on(PlanPaused e, @SequenceNumber long position) {
        change(e.planId(), position, plan -> plan.append("paused", true));
    }

    @EventHandler
    void on(PlanResumed e, @SequenceNumber long position) {
        change(e.planId(), position, plan -> plan.append("paused", false));
    }

    @EventHandler
    void on(OutcomeChanged e, @SequenceNumber long position) {
        change(e.planId(), position, plan -> plan.append("outcome", e.outcome().name()));
    }

    @EventHandler
    void on(PlanReplaced e, @SequenceNumber long position) {
        change(e.planId(), position, plan -> plan.append("outcome", "REPLACED").append("replacedBy",
                new Document("planId", e.replacementPlanId()).append("reason", e.reason())
                        .append("at", Date.from(e.replacedAt()))));
    }

    /**
     * Events the plan view does not show still count as applied, so the document's position reaches the plan's last
     * event and a write that answers once its read model has it (ReadYourWrites) never waits on them.
     */
    @EventHandler
    void on(NoContactAttemptStarted e, @SequenceNumber long position) {
        change(e.planId(), position, UnaryOperator.identity());
    }

    @EventHandler
    void on(NoContactAttemptEnded e, @SequenceNumber long position) {
        change(e.planId(), position, UnaryOperator.identity());
    }

    @EventHandler
    void on(NoContactFactRecorded e, @SequenceNumber long position) {
        change(e.planId(), position, UnaryOperator.identity());
    }

    @EventHandler
    void on(NoContactAttemptRejudged e, @SequenceNumber long position) {
        change(e.planId(), position, UnaryOperator.identity());
    }

    /** The plan's history of breach rules (what the client and the coach read as the rules in force). */
    @EventHandler
    void on(BreachRulesChanged e, @SequenceNumber long position) {
        change(e.planId(), position, plan -> {
            List<Document> changes = new java.util.ArrayList<>(plan.getList("breachRuleChanges", Document.class,
                                                                            List.of()));
            changes.add(new Document("replyToExCountsAsBreach", e.rules().replyToExCountsAsBreach())
                    .append("exContactRestartsPeriod", e.rules().exContactRestartsPeriod())
                    .append("noContactTargetDays", e.rules().noContactTargetDays())
                    .append("effectiveFrom", e.effectiveFrom().toString()).append("retroactive", e.retroactive())
                    .append("reason", e.reason()).append("changedBy", e.changedBy())
                    .append("changedAt", Date.from(e.changedAt())));
            return plan.append("breachRuleChanges", changes);
        });
    }

    @ResetHandler
    void onReset() {
        plans.deleteMany(new Document());
        plansByClient.clear();
        plansByCoach.clear();
    }

    private void changeStep(String planId, long position, String stepId, UnaryOperator<Document> change) {
        change(planId, position, plan -> {
            List<Document> steps = plan.getList("steps", Document.class).stream()
                                       .map(step -> stepId.equals(step.getString("stepId")) ? change.apply(step) : step)
                                       .toList();
            return plan.append("steps", steps);
        });
    }

    private void change(String planId, long position, UnaryOperator<Document> change) {
        Document current = plans.find(Filters.eq("_id", planId)).first();
        if (current != null) {
            replaceOnce(plans, planId, position, change.apply(current));
        }
    }
}
