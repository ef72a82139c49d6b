package org.rekindle.notification.app.rules;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Booked sessions: who is told, in which words (no reason), and when the reminders fall due. */
class SessionNoticesTest {

    private static final Instant NOW = Instant.parse("2026-12-04T15:00:00Z");
    private static final Instant START = Instant.parse("2026-12-10T16:00:00Z");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration HOUR = Duration.ofHours(1);

    private static Session session(int sequence, Instant start) {
        return new Session("client-sam", "coach-maya", "s-42", start, start.plus(Duration.ofMinutes(50)),
                           "Europe/London", sequence, "event-" + sequence, "rekindle.journal.SessionBooked.v1",
                           NOW.minusSeconds(5));
    }

    @Test
    void remindersFallDue24HoursAnd1HourBeforeTheStart() {
        assertThat(SessionNotices.reminderTimes(START, NOW))
                .containsExactly(Map.entry(DAY, START.minus(DAY)), Map.entry(HOUR, START.minus(HOUR)));
    }

    @Test
    void aSessionLessThan24HoursAheadHasIts24HourReminderAtOnce() {
        Instant start = NOW.plus(Duration.ofHours(5));
        assertThat(SessionNotices.reminderTimes(start, NOW))
                .containsExactly(Map.entry(DAY, NOW), Map.entry(HOUR, start.minus(HOUR)));
    }

    @Test
    void aSessionLessThanAnHourAheadHasOnlyThe1HourReminderAtOnceAndAStartedOneNone() {
        assertThat(SessionNotices.reminderTimes(NOW.plus(Duration.ofMinutes(30)), NOW))
                .containsExactly(Map.entry(HOUR, NOW));
        assertThat(SessionNotices.reminderTimes(NOW, NOW)).isEmpty();
        assertThat(SessionNotices.reminderTimes(NOW.minusSeconds(1), NOW)).isEmpty();
    }

    @Test
    void aReminderInQuietHoursWaitsForTheirEndOnlyIfThatIsBeforeTheStart() {
        Preferences quiet = new Preferences("client-sam", null, "Europe/London", LocalTime.of(20, 0),
                                            LocalTime.of(22, 0), LocalTime.of(8, 0), Set.of());
        Instant at0730 = Instant.parse("2026-12-10T07:30:00Z"); // London is UTC in December
        assertThat(SessionNotices.reminderDeliverAt(quiet, LONDON, at0730, Instant.parse("2026-12-10T08:30:00Z")))
                .as("a 08:30 session: told at 08:00").contains(Instant.parse("2026-12-10T08:00:00Z"));
        assertThat(SessionNotices.reminderDeliverAt(quiet, LONDON, at0730, Instant.parse("2026-12-10T08:00:00Z")))
                .as("an 08:00 session: the reminder would come as it starts, so it is dropped").isEmpty();
        assertThat(SessionNotices.reminderDeliverAt(quiet, LONDON, Instant.parse("2026-12-10T12:00:00Z"), START))
                .as("outside quiet hours: at once").contains(Instant.parse("2026-12-10T12:00:00Z"));
    }

    @Test
    void newsOfAChangeWaitsOutQuietHoursUnlessTheSessionStartsFirst() {
        Preferences quiet = new Preferences("client-sam", null, "Europe/London", LocalTime.of(20, 0),
                                            LocalTime.of(22, 0), LocalTime.of(8, 0), Set.of());
        Instant at2300 = Instant.parse("2026-12-09T23:00:00Z");
        assertThat(SessionNotices.changeDeliverAt(quiet, LONDON, at2300, START))
                .as("a session later on the 10th: told when the quiet hours end")
                .isEqualTo(Instant.parse("2026-12-10T08:00:00Z"));
        assertThat(SessionNotices.changeDeliverAt(quiet, LONDON, at2300, Instant.parse("2026-12-10T07:30:00Z")))
                .as("a 07:30 session cancelled at 23:00: told at once, not after it would have started")
                .isEqualTo(at2300);
    }

    @Test
    void aBookingTellsTheCoachInTheirZoneWithTheInvite() {
        Notice notice = SessionNotices.booked(session(0, START), ZoneId.of("America/New_York"), NOW).orElseThrow();
        assertThat(notice.rule()).isEqualTo(Rule.SESSION_BOOKED);
        assertThat(notice.recipientId()).isEqualTo("coach-maya");
        assertThat(notice.key()).isEqualTo("SESSION_BOOKED:event-0");
        assertThat(notice.title()).isEqualTo("client-sam booked a session: Thu 10 Dec 2026 at 11:00–11:50 "
                                             + "(America/New_York)");
        assertThat(notice.invite()).isEqualTo(new SessionInvite("s-42", 0, START, START.plusSeconds(3000), false,
                                                                "client-sam", true, NOW.minusSeconds(5)));
        assertThat(Rule.SESSION_BOOKED.waitsOutQuietHours()).isTrue();
    }

    @Test
    void aMoveOrCancellationTellsTheOtherSideOnlyAndNeverAReason() {
        Notice moved = SessionNotices.rescheduled(session(1, START), "COACH", LONDON, NOW).orElseThrow();
        assertThat(moved.rule()).isEqualTo(Rule.SESSION_RESCHEDULED_BY_COACH);
        assertThat(moved.recipientId()).isEqualTo("client-sam");
        assertThat(moved.title()).isEqualTo("Your coach moved your session to Thu 10 Dec 2026 at 16:00–16:50 "
                                            + "(Europe/London)");
        assertThat(moved.invite().sequence()).isEqualTo(1);
        assertThat(moved.invite().cancelled()).isFalse();

        Notice cancelled = SessionNotices.cancelled(session(2, START), "CLIENT", LONDON, NOW).orElseThrow();
        assertThat(cancelled.rule()).isEqualTo(Rule.SESSION_CANCELLED_BY_CLIENT);
        assertThat(cancelled.recipientId()).isEqualTo("coach-maya");
        assertThat(cancelled.title()).startsWith("client-sam cancelled the session on Thu 10 Dec 2026 at 16:00");
        assertThat(cancelled.body()).doesNotContainIgnoringCase("reason");
        assertThat(cancelled.invite().cancelled()).isTrue();
        assertThat(cancelled.invite().sequence()).isEqualTo(2);

        assertThat(SessionNotices.cancelled(session(2, START), "ADMIN", LONDON, NOW)).isEmpty();
    }

    @Test
    void aChangeFirstSeenLongAfterItWasMadeTellsNobody() {
        assertThat(SessionNotices.booked(session(0, START), LONDON, NOW.plus(Duration.ofDays(3)))).isEmpty();
    }

    @Test
    void remindersGoToBothSidesKeyedBySessionChangeAndLead() {
        Notice toClient = SessionNotices.reminder(session(1, START), "CLIENT", DAY, LONDON, NOW);
        Notice toCoach = SessionNotices.reminder(session(1, START), "COACH", HOUR, LONDON, NOW);
        assertThat(toClient.rule()).isEqualTo(Rule.SESSION_REMINDER_TO_CLIENT);
        assertThat(toClient.recipientId()).isEqualTo("client-sam");
        assertThat(toClient.key()).isEqualTo("SESSION_REMINDER_TO_CLIENT:s-42:1:PT24H");
        assertThat(toClient.title()).isEqualTo("Reminder: your coaching session on Thu 10 Dec 2026 at 16:00–16:50 "
                                               + "(Europe/London)");
        assertThat(toCoach.recipientId()).isEqualTo("coach-maya");
        assertThat(toCoach.key()).isEqualTo("SESSION_REMINDER_TO_COACH:s-42:1:PT1H");
        assertThat(toCoach.invite().forCoach()).isTrue();
        assertThat(toClient.invite().forCoach()).isFalse();
    }
}
