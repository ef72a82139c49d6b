package org.rekindle.notification.app.messaging.in;

import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.SafetyConcernRaised;
import org.rekindle.notification.app.rules.SafetyAlerts.Concern;
import org.rekindle.notification.app.engine.SafetyEscalation;
import org.rekindle.platform.messaging.IncomingCloudEvent;
import org.rekindle.platform.messaging.KafkaConsumerAutoConfiguration;
import org.rekindle.platform.messaging.RecordBatches;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Safety concerns from the journal, in a consumer group of their own ({@code notification-service-safety}): an alert
 * that must go out within seconds does not wait behind a backlog of the rules' events, and the rules engine is left
 * as it is. Every other journal type is skipped here (the rules' listener reads them).
 */
@Component
class SafetyConcernListener {

    private final SafetyEscalation safety;

    SafetyConcernListener(SafetyEscalation safety) {
        this.safety = safety;
    }

    /**
     * A record that is no CloudEvent at all is left to the rules' listener, which parks it on the dead-letter topic
     * (once, not once per group); a SafetyConcernRaised whose data cannot be read is parked from here.
     */
    @KafkaListener(topics = JournalTopic.NAME, groupId = "notification-service-safety",
                   containerFactory = KafkaConsumerAutoConfiguration.BATCH_LISTENERS)
    void on(List<String> records) {
        RecordBatches.handleEach(records, this::on);
    }

    private void on(String record) {
        IncomingCloudEvent event = IncomingCloudEvent.parseIfCloudEvent(record).orElse(null);
        if (event != null && SafetyConcernRaised.TYPE.equals(event.type())) {
            SafetyConcernRaised e = event.data(SafetyConcernRaised.class);
            safety.raise(new Concern(event.id(), event.type(), e.clientId(), e.entryId(), e.field(), e.riskClass(),
                                     e.occurredAt(), e.raisedAt()));
        }
    }
}
