package org.rekindle.notification.app.messaging.in;

import org.rekindle.notification.app.engine.NotificationEngine;
import org.rekindle.notification.app.rules.ClientActivity;
import org.rekindle.notification.app.rules.ContactRules;
import org.rekindle.plan.events.PlanAssigned;
import org.rekindle.plan.events.PlanBreachRules;
import org.rekindle.plan.events.PlanBreachRulesChanged;
import org.rekindle.plan.events.PlanOutcomeChanged;
import org.rekindle.plan.events.PlanPaused;
import org.rekindle.plan.events.PlanReplaced;
import org.rekindle.plan.events.PlanResumed;
import org.rekindle.plan.events.PlanStepCompleted;
import org.rekindle.plan.events.PlanStepOverdue;
import org.rekindle.plan.events.PlanStepReopened;
import org.rekindle.plan.events.PlanStepSkipped;
import org.rekindle.plan.events.PlanTopic;
import org.rekindle.platform.messaging.IncomingCloudEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client's plan, as the rules need it: coach, time zone, steps and their due dates, state changes, and how it
 * counts contact (the verdict plan-events' {@link PlanBreachRules} gives each initiator, at assignment and on every
 * change).
 */
@Component
class PlanListener {

    /** Who can start a contact, as journal-events' {@code NoContactBroken.initiatedBy} names them. */
    private static final List<String> INITIATORS = List.of("CLIENT", PlanBreachRules.EX);

    private final NotificationEngine engine;

    PlanListener(NotificationEngine engine) {
        this.engine = engine;
    }

    @KafkaListener(topics = PlanTopic.NAME, groupId = "notification-service-plan")
    void on(String record) {
        IncomingCloudEvent event = IncomingCloudEvent.parse(record);
        ClientActivity activity = activityOf(event);
        if (activity != null) {
            engine.on(event.subject(), activity);
        }
    }

    static ClientActivity activityOf(IncomingCloudEvent event) {
        String id = event.id();
        String type = event.type();
        if (PlanAssigned.TYPE.equals(type)) {
            PlanAssigned e = event.data(PlanAssigned.class);
            return new ClientActivity.PlanAssigned(id, type, e.assignedAt(), e.planId(), e.coachId(), e.timezone(),
                    e.steps().stream().map(s -> new ClientActivity.DueStep(s.stepId(), s.title(), s.dueDate()))
                     .toList(), verdicts(PlanBreachRules.assigned(e.replyToExCountsAsBreach())));
        }
        if (PlanBreachRulesChanged.TYPE.equals(type)) {
            PlanBreachRulesChanged e = event.data(PlanBreachRulesChanged.class);
            return new ClientActivity.BreachRulesChanged(id, type, e.changedAt(), e.planId(), e.effectiveAt(),
                                                         verdicts(e.rules()));
        }
        if (PlanStepCompleted.TYPE.equals(type)) {
            PlanStepCompleted e = event.data(PlanStepCompleted.class);
            return new ClientActivity.StepChanged(id, type, e.completedAt(), e.planId(), e.stepId(), false);
        }
        if (PlanStepSkipped.TYPE.equals(type)) {
            PlanStepSkipped e = event.data(PlanStepSkipped.class);
            return new ClientActivity.StepChanged(id, type, e.skippedAt(), e.planId(), e.stepId(), false);
        }
        if (PlanStepReopened.TYPE.equals(type)) {
            PlanStepReopened e = event.data(PlanStepReopened.class);
            return new ClientActivity.StepChanged(id, type, e.reopenedAt(), e.planId(), e.stepId(), true);
        }
        if (PlanStepOverdue.TYPE.equals(type)) {
            PlanStepOverdue e = event.data(PlanStepOverdue.class);
            return new ClientActivity.StepOverdue(id, type, e.detectedAt(), e.planId(), e.stepId(), e.dueDate(),
                                                  e.overdueSince());
        }
        if (PlanPaused.TYPE.equals(type)) {
            PlanPaused e = event.data(PlanPaused.class);
            return new ClientActivity.PlanStateChanged(id, type, e.pausedAt(), e.planId(), false);
        }
        if (PlanResumed.TYPE.equals(type)) {
            PlanResumed e = event.data(PlanResumed.class);
            return new ClientActivity.PlanStateChanged(id, type, e.resumedAt(), e.planId(), true);
        }
        if (PlanOutcomeChanged.TYPE.equals(type)) {
            PlanOutcomeChanged e = event.data(PlanOutcomeChanged.class);
            return new ClientActivity.PlanStateChanged(id, type, e.changedAt(), e.planId(),
                                                       "ACTIVE".equals(e.outcome()));
        }
        if (PlanReplaced.TYPE.equals(type)) {
            PlanReplaced e = event.data(PlanReplaced.class);
            return new ClientActivity.PlanStateChanged(id, type, e.replacedAt(), e.planId(), false);
        }
        return null;
    }

    /** What a contact by each initiator the journal logs is under {@code rules}, as the plan's contract says. */
    static Map<String, ContactRules.Verdict> verdicts(PlanBreachRules rules) {
        Map<String, ContactRules.Verdict> verdicts = new LinkedHashMap<>();
        for (String initiator : INITIATORS) {
            verdicts.put(initiator, new ContactRules.Verdict(rules.countsAsBreach(initiator),
                                                             rules.restartsAttempt(initiator)));
        }
        return verdicts;
    }
}
