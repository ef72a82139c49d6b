package org.rekindle.notification.app.messaging.in;

import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.SessionBooked;
import org.rekindle.journal.events.SessionCancelled;
import org.rekindle.journal.events.SessionRescheduled;
import org.rekindle.notification.app.engine.SessionReminders;
import org.rekindle.notification.app.rules.Session;
import org.rekindle.platform.messaging.IncomingCloudEvent;
import org.rekindle.platform.messaging.KafkaConsumerAutoConfiguration;
import org.rekindle.platform.messaging.RecordBatches;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Booked sessions ({@code SessionBooked}, {@code SessionRescheduled}, {@code SessionCancelled}): the other side is
 * told and the reminders are scheduled, moved or cancelled ({@link SessionReminders}). Its own consumer group, so a
 * booking never waits behind the rules' backlog; every other journal type is the rules' ({@link JournalListener}).
 * {@code SessionOutcomeRecorded} is read by nobody here: an outcome is recorded after the session, when no reminder
 * is left, and tells nobody (the client sees it on their Sessions page).
 */
@Component
class SessionListener {

    private final SessionReminders sessions;

    SessionListener(SessionReminders sessions) {
        this.sessions = sessions;
    }

    @KafkaListener(topics = JournalTopic.NAME, groupId = "notification-service-sessions",
                   containerFactory = KafkaConsumerAutoConfiguration.BATCH_LISTENERS)
    void on(List<String> records) {
        RecordBatches.handleEach(records, this::on);
    }

    private void on(String record) {
        IncomingCloudEvent event = IncomingCloudEvent.parseIfCloudEvent(record).orElse(null);
        if (event == null) { // poison records: JournalListener parks them
            return;
        }
        switch (event.type()) {
            case SessionBooked.TYPE -> {
                SessionBooked e = event.data(SessionBooked.class);
                sessions.booked(new Session(e.clientId(), e.coachId(), e.sessionId(), e.start(), e.end(), e.zone(), 0,
                                            event.id(), event.type(), e.bookedAt()));
            }
            case SessionRescheduled.TYPE -> {
                SessionRescheduled e = event.data(SessionRescheduled.class);
                sessions.rescheduled(new Session(e.clientId(), e.coachId(), e.sessionId(), e.start(), e.end(),
                                                 e.zone(), e.sequence(), event.id(), event.type(),
                                                 e.rescheduledAt()), e.by());
            }
            case SessionCancelled.TYPE -> {
                SessionCancelled e = event.data(SessionCancelled.class);
                sessions.cancelled(new Session(e.clientId(), e.coachId(), e.sessionId(), e.start(), e.end(),
                                               e.zone(), e.sequence(), event.id(), event.type(), e.cancelledAt()),
                                   e.by());
            }
            default -> { // not about a session
            }
        }
    }
}
