package org.rekindle.journal.app.messaging.in;

import org.rekindle.journal.app.command.api.InitiatedBy;
import org.rekindle.journal.app.query.ClientCoaches;
import org.rekindle.journal.app.query.ContactRulesHistory;
import org.rekindle.journal.app.query.ContactRulesTimeline;
import org.rekindle.plan.events.PlanAssigned;
import org.rekindle.plan.events.PlanBreachRules;
import org.rekindle.plan.events.PlanBreachRulesChanged;
import org.rekindle.plan.events.PlanTopic;
import org.rekindle.platform.messaging.IncomingCloudEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Learns from plan-service which coach a client is assigned to, so that coach (and only that coach) may read what the
 * client shares, and how the client's plan counts contact ({@code PlanAssigned}'s rules, every
 * {@code PlanBreachRulesChanged}), so the streak counts each contact under the rules in force at its time. What
 * counts is asked of the plan's published contract ({@link PlanBreachRules}) for each initiator the journal logs.
 */
@Component
class PlanAssignmentListener {

    private final ClientCoaches coaches;
    private final ContactRulesHistory rules;

    PlanAssignmentListener(ClientCoaches coaches, ContactRulesHistory rules) {
        this.coaches = coaches;
        this.rules = rules;
    }

    @KafkaListener(topics = PlanTopic.NAME, groupId = "journal-service-plan")
    void on(String record) {
        IncomingCloudEvent event = IncomingCloudEvent.parse(record);
        if (PlanAssigned.TYPE.equals(event.type())) {
            PlanAssigned assigned = event.data(PlanAssigned.class);
            coaches.assign(assigned.clientId(), assigned.coachId(), assigned.assignedAt());
            rules.assigned(assigned.clientId(), assigned.planId(), assigned.assignedAt(),
                           ruling(PlanBreachRules.assigned(assigned.replyToExCountsAsBreach())));
        } else if (PlanBreachRulesChanged.TYPE.equals(event.type())) {
            PlanBreachRulesChanged changed = event.data(PlanBreachRulesChanged.class);
            rules.changed(changed.clientId(), new ContactRulesTimeline.Change(
                    event.id(), changed.planId(), changed.effectiveAt(), changed.changedAt(), ruling(changed.rules())));
        }
    }

    static ContactRulesTimeline.Ruling ruling(PlanBreachRules rules) {
        Map<String, ContactRulesTimeline.Verdict> verdicts = new LinkedHashMap<>();
        for (InitiatedBy initiator : InitiatedBy.values()) {
            verdicts.put(initiator.name(), new ContactRulesTimeline.Verdict(rules.countsAsBreach(initiator.name()),
                                                                            rules.restartsAttempt(initiator.name())));
        }
        return new ContactRulesTimeline.Ruling(verdicts, rules.noContactTargetDays());
    }
}
