package org.rekindle.notification.app.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Booked sessions: telling the other side of a booking, a move or a cancellation, and the reminders 24 hours and
 * 1 hour before a session to both. Never a reason (a reason is the person's own words; it stays sealed in
 * journal-service and is not published): only who did what and when the session runs, in the recipient's zone.
 * Keys name the rule and the event (changes) or the session, its change and the lead (reminders), so a redelivered
 * event or a reminder run twice raises nothing new. Pure: the time and the recipient's zone are parameters.
 * <p>
 * Timing, decided here: a reminder falls due {@code lead} before the start. One whose time has already passed when
 * the session is booked or moved (a session less than 24 hours ahead) is due at once, unless a shorter reminder is
 * past too (then only that one is sent: two reminders at once say nothing more). A reminder that falls in the
 * recipient's quiet hours waits for their end only if that is still before the start; otherwise it is dropped. News
 * of a booking, move or cancellation waits out quiet hours the same way, but is sent at once rather than dropped.
 */
public final class SessionNotices {

    public static final Duration FRESH_FOR = Duration.ofHours(48);
    /** The reminders' leads, longest first. */
    public static final List<Duration> LEADS = List.of(Duration.ofHours(24), Duration.ofHours(1));

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy 'at' HH:mm",
                                                                              Locale.ENGLISH);
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private SessionNotices() {
    }

    /** The client booked: the coach is told. */
    public static Optional<Notice> booked(Session s, ZoneId coachZone, Instant now) {
        return change(Rule.SESSION_BOOKED, s.coachId(), s, false, coachZone, now);
    }

    /** {@code by} CLIENT or COACH (as published) moved the session: the other side is told; anyone else: nobody. */
    public static Optional<Notice> rescheduled(Session s, String by, ZoneId recipientZone, Instant now) {
        return switch (by) {
            case "CLIENT" -> change(Rule.SESSION_RESCHEDULED_BY_CLIENT, s.coachId(), s, false, recipientZone, now);
            case "COACH" -> change(Rule.SESSION_RESCHEDULED_BY_COACH, s.clientId(), s, false, recipientZone, now);
            default -> Optional.empty();
        };
    }

    /** {@code by} cancelled the session: the other side is told, with a calendar cancellation. */
    public static Optional<Notice> cancelled(Session s, String by, ZoneId recipientZone, Instant now) {
        return switch (by) {
            case "CLIENT" -> change(Rule.SESSION_CANCELLED_BY_CLIENT, s.coachId(), s, true, recipientZone, now);
            case "COACH" -> change(Rule.SESSION_CANCELLED_BY_COACH, s.clientId(), s, true, recipientZone, now);
            default -> Optional.empty();
        };
    }

    /** Who a change by {@code by} is told to: the other side ({@code COACH} or {@code CLIENT}), or nobody. */
    public static Optional<String> otherSide(String by) {
        return switch (by) {
            case "CLIENT" -> Optional.of("COACH");
            case "COACH" -> Optional.of("CLIENT");
            default -> Optional.empty();
        };
    }

    /**
     * When each reminder of a session booked or moved at {@code now} falls due, by lead (longest first); none for a
     * session already started. See the class comment for reminders already past.
     */
    public static Map<Duration, Instant> reminderTimes(Instant start, Instant now) {
        Map<Duration, Instant> due = new LinkedHashMap<>();
        if (!now.isBefore(start)) {
            return due;
        }
        for (int i = 0; i < LEADS.size(); i++) {
            Instant at = start.minus(LEADS.get(i));
            boolean shorterAlsoPast = i + 1 < LEADS.size() && !start.minus(LEADS.get(i + 1)).isAfter(now);
            if (at.isAfter(now)) {
                due.put(LEADS.get(i), at);
            } else if (!shorterAlsoPast) {
                due.put(LEADS.get(i), now);
            }
        }
        return due;
    }

    /**
     * When a reminder due at {@code now} reaches the recipient: at once, or at the end of their quiet hours if that
     * is still before the start; empty if it would arrive at or after the start (it is dropped).
     */
    public static Optional<Instant> reminderDeliverAt(Preferences recipient, ZoneId zone, Instant now, Instant start) {
        Instant at = recipient.outsideQuietHours(now, zone);
        return at.isBefore(start) ? Optional.of(at) : Optional.empty();
    }

    /**
     * When news of a booking, move or cancellation reaches the recipient: after their quiet hours, unless those end
     * at or after the session's start (someone must not learn of a cancelled 7:30 session at 8:00): then at once.
     */
    public static Instant changeDeliverAt(Preferences recipient, ZoneId zone, Instant now, Instant start) {
        Instant afterQuietHours = recipient.outsideQuietHours(now, zone);
        return afterQuietHours.isBefore(start) ? afterQuietHours : now;
    }

    /** The reminder {@code lead} before the session to {@code recipient} (CLIENT or COACH). */
    public static Notice reminder(Session s, String recipient, Duration lead, ZoneId zone, Instant now) {
        boolean toCoach = "COACH".equals(recipient);
        Rule rule = toCoach ? Rule.SESSION_REMINDER_TO_COACH : Rule.SESSION_REMINDER_TO_CLIENT;
        String when = when(s, zone);
        return new Notice(rule + ":" + s.sessionId() + ":" + s.sequence() + ":" + lead, rule,
                          toCoach ? s.coachId() : s.clientId(), s.clientId(), title(rule, s.clientId(), when),
                          body(rule, s.clientId(), when),
                          List.of(new Cause(s.eventId(), s.eventType(), s.changedAt(), lead.toHours() + " h before")),
                          now, null, invite(s, false, toCoach));
    }

    private static Optional<Notice> change(Rule rule, String recipientId, Session s, boolean cancelled, ZoneId zone,
                                           Instant now) {
        if (s.changedAt().isBefore(now.minus(FRESH_FOR))) {
            return Optional.empty(); // a replay of the topic: long seen on the calendar page
        }
        String when = when(s, zone);
        boolean toCoach = recipientId.equals(s.coachId());
        return Optional.of(new Notice(rule + ":" + s.eventId(), rule, recipientId, s.clientId(),
                                      title(rule, s.clientId(), when), body(rule, s.clientId(), when),
                                      List.of(new Cause(s.eventId(), s.eventType(), s.changedAt(), null)), now, null,
                                      invite(s, cancelled, toCoach)));
    }

    private static SessionInvite invite(Session s, boolean cancelled, boolean toCoach) {
        return new SessionInvite(s.sessionId(), s.sequence(), s.start(), s.end(), cancelled, s.clientId(), toCoach,
                                 s.changedAt());
    }

    /** "Fri 11 Dec 2026 at 16:00–16:50 (Europe/London)": the session's time in the recipient's zone. */
    static String when(Session s, ZoneId zone) {
        return WHEN.format(s.start().atZone(zone)) + "–" + UNTIL.format(s.end().atZone(zone)) + " (" + zone.getId()
               + ")";
    }

    static String title(Rule rule, String clientId, Object when) {
        return switch (rule) {
            case SESSION_BOOKED -> clientId + " booked a session: " + when;
            case SESSION_RESCHEDULED_BY_CLIENT -> clientId + " moved your session to " + when;
            case SESSION_RESCHEDULED_BY_COACH -> "Your coach moved your session to " + when;
            case SESSION_CANCELLED_BY_CLIENT -> clientId + " cancelled the session on " + when;
            case SESSION_CANCELLED_BY_COACH -> "Your coach cancelled your session on " + when;
            case SESSION_REMINDER_TO_COACH -> "Reminder: session with " + clientId + " on " + when;
            case SESSION_REMINDER_TO_CLIENT -> "Reminder: your coaching session on " + when;
            default -> throw new IllegalArgumentException(rule + " is not about a session");
        };
    }

    static String body(Rule rule, String clientId, Object when) {
        String calendar = " The calendar invite is attached to the email.";
        return switch (rule) {
            case SESSION_BOOKED -> clientId + " booked a coaching session with you on " + when + "." + calendar;
            case SESSION_RESCHEDULED_BY_CLIENT -> clientId + " moved your coaching session; it is now on " + when
                                                  + "." + calendar;
            case SESSION_RESCHEDULED_BY_COACH -> "Your coach moved your session; it is now on " + when + "."
                                                 + calendar;
            case SESSION_CANCELLED_BY_CLIENT -> clientId + " cancelled the coaching session on " + when + ". The "
                                                + "slot is free again.";
            case SESSION_CANCELLED_BY_COACH -> "Your coach cancelled your session on " + when + ". You can book "
                                               + "another time on your Sessions page.";
            case SESSION_REMINDER_TO_COACH -> "Your coaching session with " + clientId + " is on " + when + "."
                                              + calendar;
            case SESSION_REMINDER_TO_CLIENT -> "Your coaching session is on " + when + ". If you cannot make it, "
                                               + "you can move or cancel it on your Sessions page." + calendar;
            default -> throw new IllegalArgumentException(rule + " is not about a session");
        };
    }
}
