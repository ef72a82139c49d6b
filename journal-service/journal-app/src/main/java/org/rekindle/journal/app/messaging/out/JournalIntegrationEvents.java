package org.rekindle.journal.app.messaging.out;

import org.rekindle.journal.app.command.api.ApologyDrafted;
import org.rekindle.journal.app.command.api.ApologyRevised;
import org.rekindle.journal.app.command.api.ConsentChanged;
import org.rekindle.journal.app.command.api.EntryShared;
import org.rekindle.journal.app.command.api.EntryUnshared;
import org.rekindle.journal.app.command.api.JournalErased;
import org.rekindle.journal.app.command.api.JournalEvent;
import org.rekindle.journal.app.command.api.MessageSent;
import org.rekindle.journal.app.command.api.MoodCheckedIn;
import org.rekindle.journal.app.command.api.NoContactBroken;
import org.rekindle.journal.app.command.api.NoContactEnded;
import org.rekindle.journal.app.command.api.NoContactStarted;
import org.rekindle.journal.app.command.api.ReflectionCompleted;
import org.rekindle.journal.app.command.api.SafetyConcernRaised;
import org.rekindle.journal.app.command.api.SessionBooked;
import org.rekindle.journal.app.command.api.SessionCancelled;
import org.rekindle.journal.app.command.api.SessionOutcomeRecorded;
import org.rekindle.journal.app.command.api.SessionRescheduled;
import org.rekindle.journal.app.command.api.UrgeRecorded;
import org.rekindle.journal.events.JournalEventTypes;
import org.rekindle.platform.publishing.IntegrationEvent;

import java.util.Optional;

/**
 * Maps domain events to the public contract in {@code journal-events}. Journal text (reflections, apologies,
 * notes, messages, a session's reasons and notes) is deliberately left out: it never leaves this service.
 */
final class JournalIntegrationEvents {

    private JournalIntegrationEvents() {
    }

    static Optional<IntegrationEvent> from(Object domainEvent) {
        Record published = toPublished(domainEvent);
        if (published == null) {
            return Optional.empty();
        }
        String clientId = ((JournalEvent) domainEvent).clientId();
        return Optional.of(new IntegrationEvent(JournalEventTypes.typeOf(published), clientId, published));
    }

    private static Record toPublished(Object event) {
        if (event instanceof JournalErased e) {
            return new org.rekindle.journal.events.JournalErased(e.clientId(), e.erasedAt());
        }
        if (event instanceof NoContactStarted e) {
            return new org.rekindle.journal.events.NoContactStarted(e.clientId(), e.periodId(), e.targetDays(),
                                                                      e.startedAt());
        }
        if (event instanceof NoContactBroken e) {
            return new org.rekindle.journal.events.NoContactBroken(e.clientId(), e.periodId(), e.breachId(),
                                                                     e.channel().name(), e.initiatedBy().name(),
                                                                     e.attemptDays(), e.occurredAt());
        }
        if (event instanceof NoContactEnded e) {
            // The reason is the client's own words, sealed with their key: it stays in journal-service.
            return new org.rekindle.journal.events.NoContactEnded(e.clientId(), e.periodId(), null, e.endedAt());
        }
        if (event instanceof UrgeRecorded e) {
            return new org.rekindle.journal.events.UrgeRecorded(e.clientId(), e.urgeId(), e.resisted(),
                                                                  e.occurredAt());
        }
        if (event instanceof ReflectionCompleted e) {
            return new org.rekindle.journal.events.ReflectionCompleted(e.clientId(), e.entryId(), e.promptId(),
                                                                         e.occurredAt());
        }
        if (event instanceof ApologyDrafted e) {
            return new org.rekindle.journal.events.ApologyDrafted(e.clientId(), e.entryId(), e.version(),
                                                                    e.occurredAt());
        }
        if (event instanceof ApologyRevised e) {
            return new org.rekindle.journal.events.ApologyRevised(e.clientId(), e.entryId(), e.version(),
                                                                    e.occurredAt());
        }
        if (event instanceof MoodCheckedIn e) {
            return new org.rekindle.journal.events.MoodCheckedIn(e.clientId(), e.entryId(), e.score(),
                                                                   e.sleepHours(), e.occurredAt());
        }
        if (event instanceof org.rekindle.journal.app.command.api.WellBeingCheckedIn e) {
            return new org.rekindle.journal.events.WellBeingCheckedIn(e.clientId(), e.checkInId(), e.items(),
                                                                        e.rawScore(), e.percentage(), e.week(),
                                                                        e.occurredAt());
        }
        if (event instanceof ConsentChanged e) {
            return new org.rekindle.journal.events.ConsentChanged(
                    e.clientId(), e.coachSees().stream().map(Enum::name).sorted().toList(), e.changedAt());
        }
        if (event instanceof SafetyConcernRaised e) {
            return new org.rekindle.journal.events.SafetyConcernRaised(e.clientId(), e.entryId(), e.field().name(),
                                                                         e.riskClass(), e.listLanguage(),
                                                                         e.listVersion(), e.occurredAt(),
                                                                         e.raisedAt());
        }
        if (event instanceof EntryShared e) {
            return new org.rekindle.journal.events.EntryShared(e.clientId(), e.entryId(), e.occurredAt());
        }
        if (event instanceof MessageSent e) {
            // The message's text is sealed and stays here: the recipient is told that there is one, not what it says.
            return new org.rekindle.journal.events.MessageSent(e.clientId(), e.coachId(), e.number(),
                                                                 e.sender().name(), e.sentAt());
        }
        Record session = toPublishedSession(event);
        if (session != null) {
            return session;
        }
        if (event instanceof EntryUnshared e) {
            return new org.rekindle.journal.events.EntryUnshared(e.clientId(), e.entryId(), e.occurredAt());
        }
        return null;
    }

    /** A session's reason for a change and the coach's notes are sealed and stay here; the times and who did it go. */
    private static Record toPublishedSession(Object event) {
        if (event instanceof SessionBooked e) {
            return new org.rekindle.journal.events.SessionBooked(e.clientId(), e.coachId(), e.sessionId(), e.start(),
                                                                   e.end(), e.zone(), e.bookedAt());
        }
        if (event instanceof SessionRescheduled e) {
            return new org.rekindle.journal.events.SessionRescheduled(e.clientId(), e.coachId(), e.sessionId(),
                                                                        e.by().name(), e.previousStart(), e.start(),
                                                                        e.end(), e.zone(), e.sequence(),
                                                                        e.rescheduledAt());
        }
        if (event instanceof SessionCancelled e) {
            return new org.rekindle.journal.events.SessionCancelled(e.clientId(), e.coachId(), e.sessionId(),
                                                                      e.by().name(), e.start(), e.end(), e.zone(),
                                                                      e.sequence(), e.cancelledAt());
        }
        if (event instanceof SessionOutcomeRecorded e) {
            return new org.rekindle.journal.events.SessionOutcomeRecorded(e.clientId(), e.coachId(), e.sessionId(),
                                                                            e.outcome().name(), e.start(), e.end(),
                                                                            e.zone(), e.recordedAt());
        }
        return null;
    }
}
