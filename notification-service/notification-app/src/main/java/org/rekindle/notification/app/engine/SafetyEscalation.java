package org.rekindle.notification.app.engine;

import org.bson.Document;
import org.rekindle.notification.app.rules.ClientFacts;
import org.rekindle.notification.app.rules.Notice;
import org.rekindle.notification.app.rules.SafetyAlerts;
import org.rekindle.notification.app.rules.SafetyAlerts.Concern;
import org.rekindle.notification.app.query.ClientFactsStore;
import org.rekindle.notification.app.query.NotificationStore;
import org.rekindle.platform.schedule.ScheduledWork;
import org.rekindle.platform.schedule.ScheduledWorkHandler;
import org.rekindle.platform.schedule.WorkKind;
import org.rekindle.platform.schedule.WorkSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Safety alerts: the coach at once, and the practice admin when the coach has not acknowledged within
 * {@code rekindle.notification.safety.escalate-after} (default 30 minutes). The escalation is persisted work (it
 * survives restarts, runs once; erasure cancels it with the client's other work). The practice admin is
 * {@code rekindle.notification.safety.practice-admin-id}: one practice per deployment until the directory can say
 * who administers a client's practice; without one, an escalation is logged and goes nowhere.
 */
@Component
public class SafetyEscalation implements ScheduledWorkHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SafetyEscalation.class);

    private final Notifier notifier;
    private final NotificationStore notifications;
    private final ClientFactsStore facts;
    private final WorkSchedule schedule;
    private final Clock clock;
    private final Duration escalateAfter;
    private final String practiceAdminId;

    SafetyEscalation(Notifier notifier, NotificationStore notifications, ClientFactsStore facts,
                     WorkSchedule schedule, Clock clock,
                     @Value("${rekindle.notification.safety.escalate-after:PT30M}") Duration escalateAfter,
                     @Value("${rekindle.notification.safety.practice-admin-id:}") String practiceAdminId) {
        this.notifier = notifier;
        this.notifications = notifications;
        this.facts = facts;
        this.schedule = schedule;
        this.clock = clock;
        this.escalateAfter = escalateAfter;
        this.practiceAdminId = practiceAdminId == null || practiceAdminId.isBlank() ? null : practiceAdminId;
    }

    /** Idempotent: the same concern again raises nothing more and schedules nothing more. */
    public void raise(Concern concern) {
        Instant now = clock.instant();
        if (!SafetyAlerts.fresh(concern, now)) {
            return;
        }
        ClientFacts client = facts.load(concern.clientId()).facts();
        if (client.coachId() == null) {
            escalate(concern, null, now);
            return;
        }
        Notice alert = SafetyAlerts.toCoach(concern, client.coachId(), escalateAfter, now);
        notifier.raise(alert, client.coachId(), client.timezone());
        schedule.schedule(NotificationWork.SAFETY_ESCALATION.storedName() + ":" + concern.eventId(),
                          NotificationWork.SAFETY_ESCALATION, now.plus(escalateAfter), toPayload(concern)
                .append("coachId", client.coachId()).append("alertId", NotificationStore.idOf(alert)));
    }

    @Override
    public WorkKind kind() {
        return NotificationWork.SAFETY_ESCALATION;
    }

    @Override
    public void run(ScheduledWork work) {
        Document p = work.payload();
        boolean acknowledged = notifications.find(p.getString("alertId"))
                                            .map(alert -> alert.acknowledgedAt() != null).orElse(true);
        if (!acknowledged) {
            escalate(fromPayload(p), p.getString("coachId"), clock.instant());
        }
    }

    private void escalate(Concern concern, String coachId, Instant now) {
        if (practiceAdminId == null) {
            LOG.warn("A safety alert could not be escalated: no practice admin is configured "
                     + "(rekindle.notification.safety.practice-admin-id); event {}", concern.eventId());
            return;
        }
        notifier.raise(SafetyAlerts.escalation(concern, practiceAdminId, coachId, now), coachId, null);
    }

    private static Document toPayload(Concern c) {
        return new Document("eventId", c.eventId()).append("type", c.type()).append("clientId", c.clientId())
                .append("entryId", c.entryId()).append("field", c.field()).append("riskClass", c.riskClass())
                .append("occurredAt", java.util.Date.from(c.occurredAt()))
                .append("raisedAt", java.util.Date.from(c.raisedAt()));
    }

    private static Concern fromPayload(Document p) {
        return new Concern(p.getString("eventId"), p.getString("type"), p.getString("clientId"),
                           p.getString("entryId"), p.getString("field"), p.getString("riskClass"),
                           p.getDate("occurredAt").toInstant(), p.getDate("raisedAt").toInstant());
    }
}
