package org.rekindle.journal.app.messaging.in;

import org.rekindle.journal.app.query.ClientCoaches;
import org.rekindle.plan.events.PlanAssigned;
import org.rekindle.plan.events.PlanTopic;
import org.rekindle.platform.messaging.IncomingCloudEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Learns which coach a client is assigned to, so that coach (and only that coach) may read what the client shares. */
@Component
class PlanAssignmentListener {

    private final ClientCoaches coaches;

    PlanAssignmentListener(ClientCoaches coaches) {
        this.coaches = coaches;
    }

    @KafkaListener(topics = PlanTopic.NAME, groupId = "journal-service-plan")
    void on(String record) {
        IncomingCloudEvent event = IncomingCloudEvent.parse(record);
        if (PlanAssigned.TYPE.equals(event.type())) {
            PlanAssigned assigned = event.data(PlanAssigned.class);
            coaches.assign(assigned.clientId(), assigned.coachId(), assigned.assignedAt());
        }
    }
}
