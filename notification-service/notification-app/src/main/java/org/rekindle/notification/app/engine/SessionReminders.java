package org.rekindle.notification.app.engine;

import org.bson.Document;
import org.rekindle.notification.app.query.ClientFactsStore;
import org.rekindle.notification.app.query.PreferencesStore;
import org.rekindle.notification.app.query.SessionCalendarStore;
import org.rekindle.notification.app.rules.Notice;
import org.rekindle.notification.app.rules.Preferences;
import org.rekindle.notification.app.rules.Session;
import org.rekindle.notification.app.rules.SessionInvite;
import org.rekindle.notification.app.rules.SessionNotices;
import org.rekindle.platform.schedule.ScheduledWork;
import org.rekindle.platform.schedule.ScheduledWorkHandler;
import org.rekindle.platform.schedule.WorkKind;
import org.rekindle.platform.schedule.WorkSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Booked sessions: the other side is told of a booking, a move or a cancellation, and both sides are reminded 24 h
 * and 1 h before (timing and words in {@link SessionNotices}). A reminder is persisted work keyed by the session, its
 * change ({@code sequence}), the recipient and the lead: a move cancels the reminders of every earlier change and
 * schedules its own, a cancellation cancels them all; scheduling again (a redelivered event) keeps one, and work that
 * ran or was cancelled is never revived, so the outcome does not depend on how often an event is delivered. The
 * payload names the client, so erasure cancels a client's reminders with their other work. Both sides' calendar feeds
 * ({@link SessionCalendarStore}) hold each session as of its latest change.
 */
@Component
public class SessionReminders implements ScheduledWorkHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SessionReminders.class);
    private static final List<String> SIDES = List.of("CLIENT", "COACH");
    /** More changes than any session has; bounds the cancellations a move makes. */
    private static final int MAX_SEQUENCE = 200;

    private final Notifier notifier;
    private final PreferencesStore preferences;
    private final WorkSchedule schedule;
    private final SessionCalendarStore calendars;
    private final ClientFactsStore facts;
    private final Clock clock;

    SessionReminders(Notifier notifier, PreferencesStore preferences, WorkSchedule schedule,
                     SessionCalendarStore calendars, ClientFactsStore facts, Clock clock) {
        this.calendars = calendars;
        this.facts = facts;
        this.notifier = notifier;
        this.preferences = preferences;
        this.schedule = schedule;
        this.clock = clock;
    }

    public void booked(Session session) {
        Instant now = clock.instant();
        inCalendars(session, false, now);
        SessionNotices.booked(session, zoneOf(session.coachId(), session), now)
                      .ifPresent(notice -> raise(notice, session, now));
        scheduleReminders(session, now);
    }

    public void rescheduled(Session session, String by) {
        Instant now = clock.instant();
        inCalendars(session, false, now);
        cancelRemindersBefore(session.sessionId(), session.sequence());
        tell(session, by, SessionNotices::rescheduled, now);
        scheduleReminders(session, now);
    }

    public void cancelled(Session session, String by) {
        Instant now = clock.instant();
        inCalendars(session, true, now);
        cancelRemindersBefore(session.sessionId(), session.sequence());
        tell(session, by, SessionNotices::cancelled, now);
    }

    /** Both sides' calendar feeds hold the session as of this change. */
    private void inCalendars(Session s, boolean cancelled, Instant now) {
        calendars.record(s.clientId(), s.coachId(), new SessionInvite(s.sessionId(), s.sequence(), s.start(), s.end(),
                                                                      cancelled, s.clientId(), false, s.changedAt()),
                         now);
        calendars.record(s.coachId(), s.coachId(), new SessionInvite(s.sessionId(), s.sequence(), s.start(), s.end(),
                                                                     cancelled, s.clientId(), true, s.changedAt()),
                         now);
    }

    private interface Change {
        Optional<Notice> notice(Session session, String by, ZoneId recipientZone, Instant now);
    }

    private void tell(Session session, String by, Change change, Instant now) {
        SessionNotices.otherSide(by).ifPresent(side -> {
            String recipient = "COACH".equals(side) ? session.coachId() : session.clientId();
            change.notice(session, by, zoneOf(recipient, session), now)
                  .ifPresent(notice -> raise(notice, session, now));
        });
    }

    private void raise(Notice notice, Session session, Instant now) {
        notifier.raiseAt(notice, session.coachId(), SessionNotices.changeDeliverAt(
                preferences.of(notice.recipientId()), zoneOf(notice.recipientId(), session), now, session.start()));
    }

    private void scheduleReminders(Session session, Instant now) {
        SessionNotices.reminderTimes(session.start(), now).forEach((lead, dueAt) -> SIDES.forEach(
                side -> schedule.schedule(key(session.sessionId(), session.sequence(), side, lead),
                                          NotificationWork.SESSION_REMINDER, dueAt, payload(session, side, lead))));
    }

    private void cancelRemindersBefore(String sessionId, int sequence) {
        for (int earlier = 0; earlier < Math.min(sequence, MAX_SEQUENCE); earlier++) {
            for (String side : SIDES) {
                for (Duration lead : SessionNotices.LEADS) {
                    schedule.cancel(key(sessionId, earlier, side, lead));
                }
            }
        }
    }

    /** The key of one reminder; never changes for stored work. */
    public static String key(String sessionId, int sequence, String side, Duration lead) {
        return NotificationWork.SESSION_REMINDER.storedName() + ":" + sessionId + ":" + sequence + ":" + side + ":"
               + lead;
    }

    @Override
    public WorkKind kind() {
        return NotificationWork.SESSION_REMINDER;
    }

    @Override
    public void run(ScheduledWork work) {
        Document p = work.payload();
        Session session = new Session(p.getString("clientId"), p.getString("coachId"), p.getString("sessionId"),
                                      p.getDate("start").toInstant(), p.getDate("end").toInstant(),
                                      p.getString("zone"), p.getInteger("sequence"), p.getString("eventId"),
                                      p.getString("eventType"), p.getDate("changedAt").toInstant());
        String side = p.getString("side");
        String recipient = "COACH".equals(side) ? session.coachId() : session.clientId();
        Preferences prefs = preferences.of(recipient);
        ZoneId zone = zoneOf(recipient, session);
        Instant now = clock.instant();
        if (SessionNotices.reminderDeliverAt(prefs, zone, now, session.start()).isEmpty()) {
            LOG.info("Session reminder {} dropped: it would reach its recipient at or after the start "
                     + "(quiet hours or a late run)", work.key());
            return;
        }
        Duration lead = Duration.parse(p.getString("lead"));
        notifier.raise(SessionNotices.reminder(session, side, lead, zone, now), session.coachId(), session.zone());
    }

    /**
     * The recipient's zone for words and quiet hours: their preferences', else for the client their plan's (as their
     * other reminders), else the coach's zone the session was offered in.
     */
    private ZoneId zoneOf(String userId, Session session) {
        String fallback = session.zone();
        if (userId.equals(session.clientId())) {
            String planZone = facts.load(userId).facts().timezone();
            fallback = planZone != null ? planZone : fallback;
        }
        return preferences.of(userId).zoneOr(fallback);
    }

    private static Document payload(Session s, String side, Duration lead) {
        return new Document("clientId", s.clientId()).append("coachId", s.coachId())
                .append("sessionId", s.sessionId()).append("start", Date.from(s.start()))
                .append("end", Date.from(s.end())).append("zone", s.zone()).append("sequence", s.sequence())
                .append("eventId", s.eventId()).append("eventType", s.eventType())
                .append("changedAt", Date.from(s.changedAt())).append("side", side).append("lead", lead.toString());
    }
}
