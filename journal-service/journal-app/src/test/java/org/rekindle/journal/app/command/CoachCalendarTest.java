package org.rekindle.journal.app.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.app.command.api.AddAvailabilityException;
import org.rekindle.journal.app.command.api.AvailabilityExceptionAdded;
import org.rekindle.journal.app.command.api.BookSession;
import org.rekindle.journal.app.command.api.CancelSession;
import org.rekindle.journal.app.command.api.RecordSessionOutcome;
import org.rekindle.journal.app.command.api.RescheduleSession;
import org.rekindle.journal.app.command.api.SessionBooked;
import org.rekindle.journal.app.command.api.SessionCancelled;
import org.rekindle.journal.app.command.api.SessionOutcomeRecorded;
import org.rekindle.journal.app.command.api.SessionRescheduled;
import org.rekindle.journal.app.command.api.SetWeeklyAvailability;
import org.rekindle.journal.app.command.api.WeeklyAvailabilitySet;
import org.rekindle.journal.app.command.api.WeeklySlot;
import org.rekindle.platform.command.ConflictingCommandException;
import org.rekindle.platform.command.InvalidCommandException;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.rekindle.journal.app.command.api.Participant.CLIENT;
import static org.rekindle.journal.app.command.api.Participant.COACH;
import static org.rekindle.journal.app.command.api.SessionOutcome.ATTENDED;
import static org.rekindle.journal.app.command.api.SessionOutcome.NO_SHOW;

/** A coach's calendar: weekly slots in the coach's zone, days off, booking, cancelling, moving, outcomes. */
class CoachCalendarTest {

    private static final String COACH_ID = "coach-1";
    private static final String ZONE = "Europe/Berlin";
    /** Friday 2026-11-20 12:00 UTC = 13:00 in Berlin. */
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    /** Monday 2026-11-23 09:00 and 10:00 in Berlin (UTC+1). */
    private static final Instant MONDAY_9 = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant MONDAY_10 = Instant.parse("2026-11-23T09:00:00Z");
    private static final List<WeeklySlot> SLOTS = List.of(new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(10, 0)),
                                                          new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(9, 0)));
    private static final WeeklyAvailabilitySet AVAILABLE = new WeeklyAvailabilitySet(
            COACH_ID, ZONE, 50, List.of(new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(9, 0)),
                                        new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(10, 0))), NOW);
    private static final SessionBooked BOOKED =
            new SessionBooked(COACH_ID, "s-1", "client-1", MONDAY_9, MONDAY_9.plusSeconds(3000), ZONE, NOW);

    private static final SessionCancelled CANCELLED = new SessionCancelled(
            COACH_ID, "s-1", "client-1", CLIENT, MONDAY_9, MONDAY_9.plusSeconds(3000), ZONE, 1, "sealed:ill", NOW);

    private FixtureConfiguration<CoachCalendar> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CoachCalendar.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new VisibleCipher("sealed:"));
    }

    @Test
    void aCoachSetsWeeklySlotsInTheirZoneSorted() {
        fixture.givenNoPriorActivity().when(new SetWeeklyAvailability(COACH_ID, ZONE, 50, SLOTS, NOW))
               .expectEvents(AVAILABLE);
    }

    @Test
    void availabilityWithABadZoneOverlappingSlotsOrAnOddLengthIsRefusedNamingTheField() {
        fixture.givenNoPriorActivity().when(new SetWeeklyAvailability(COACH_ID, "Mars/Olympus", 50, SLOTS, NOW))
               .expectException(InvalidCommandException.class)
               .expectExceptionMessage("zone must be an IANA time zone such as Europe/Berlin").expectNoEvents();
        fixture.givenNoPriorActivity().when(new SetWeeklyAvailability(COACH_ID, ZONE, 90, SLOTS, NOW))
               .expectException(InvalidCommandException.class)
               .expectExceptionMessage("slots must not overlap (MONDAY 09:00 and 10:00)").expectNoEvents();
        fixture.givenNoPriorActivity().when(new SetWeeklyAvailability(COACH_ID, ZONE, 5, SLOTS, NOW))
               .expectException(InvalidCommandException.class)
               .expectExceptionMessage("minutes must be between 15 and 240").expectNoEvents();
    }

    @Test
    void aDayOffIsRecordedOnce() {
        fixture.given(AVAILABLE).when(new AddAvailabilityException(COACH_ID, LocalDate.of(2026, 11, 23)))
               .expectEvents(new AvailabilityExceptionAdded(COACH_ID, LocalDate.of(2026, 11, 23)));
        fixture.given(AVAILABLE, new AvailabilityExceptionAdded(COACH_ID, LocalDate.of(2026, 11, 23)))
               .when(new AddAvailabilityException(COACH_ID, LocalDate.of(2026, 11, 23))).expectNoEvents();
    }

    @Test
    void aClientBooksAnOfferedSlotForTheCoachsSessionLength() {
        fixture.given(AVAILABLE).when(new BookSession(COACH_ID, "s-1", "client-1", MONDAY_9, NOW))
               .expectEvents(BOOKED);
    }

    @Test
    void aSlotNotOfferedOnADayOffInThePastOrTakenIsRefused() {
        fixture.given(AVAILABLE).when(new BookSession(COACH_ID, "s-1", "client-1", MONDAY_9.plusSeconds(1800), NOW))
               .expectException(InvalidCommandException.class)
               .expectExceptionMessage("start is not a slot the coach offers").expectNoEvents();
        fixture.given(AVAILABLE, new AvailabilityExceptionAdded(COACH_ID, LocalDate.of(2026, 11, 23)))
               .when(new BookSession(COACH_ID, "s-1", "client-1", MONDAY_9, NOW))
               .expectException(InvalidCommandException.class)
               .expectExceptionMessage("start is not a slot the coach offers").expectNoEvents();
        fixture.given(AVAILABLE)
               .when(new BookSession(COACH_ID, "s-1", "client-1", Instant.parse("2026-11-16T08:00:00Z"), NOW))
               .expectException(InvalidCommandException.class).expectExceptionMessage("start must be in the future")
               .expectNoEvents();
        fixture.given(AVAILABLE, BOOKED).when(new BookSession(COACH_ID, "s-2", "client-2", MONDAY_9, NOW))
               .expectException(ConflictingCommandException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new BookSession(COACH_ID, "s-1", "client-1", MONDAY_9, NOW))
               .expectException(Exception.class).expectNoEvents();
    }

    @Test
    void eitherSideCancelsWithAReason() {
        fixture.given(AVAILABLE, BOOKED).when(new CancelSession(COACH_ID, "s-1", CLIENT, " ill ", NOW))
               .expectEvents(new SessionCancelled(COACH_ID, "s-1", "client-1", CLIENT, MONDAY_9,
                                                   MONDAY_9.plusSeconds(3000), ZONE, 1, "sealed:ill", NOW));
        fixture.given(AVAILABLE, BOOKED).when(new CancelSession(COACH_ID, "s-1", COACH, " ", NOW))
               .expectException(InvalidCommandException.class).expectExceptionMessage("reason must not be blank")
               .expectNoEvents();
        fixture.given(AVAILABLE, BOOKED, CANCELLED)
               .when(new CancelSession(COACH_ID, "s-1", COACH, "again", NOW))
               .expectException(InvalidCommandException.class)
               .expectExceptionMessage("sessionId is not a booked session of this coach").expectNoEvents();
    }

    @Test
    void aCancellationAfterAMoveCountsAsTheSecondChangeAndKeepsTheSessionsLength() {
        SessionRescheduled moved = new SessionRescheduled(COACH_ID, "s-1", "client-1", COACH, MONDAY_9, MONDAY_10,
                                                          MONDAY_10.plusSeconds(3000), ZONE, 1, "sealed:x", NOW);
        WeeklyAvailabilitySet shorter = new WeeklyAvailabilitySet(COACH_ID, ZONE, 30, AVAILABLE.slots(), NOW);
        fixture.given(AVAILABLE, BOOKED, moved, shorter).when(new CancelSession(COACH_ID, "s-1", CLIENT, "ill", NOW))
               .expectEvents(new SessionCancelled(COACH_ID, "s-1", "client-1", CLIENT, MONDAY_10,
                                                  MONDAY_10.plusSeconds(3000), ZONE, 2, "sealed:ill", NOW));
    }

    @Test
    void anErasedClientsSessionCanStillBeCancelledButTheReasonIsNotKept() {
        VisibleCipher cipher = new VisibleCipher("sealed:");
        cipher.erase("client-1");
        FixtureConfiguration<CoachCalendar> erased = new AggregateTestFixture<>(CoachCalendar.class);
        erased.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        erased.registerInjectableResource(cipher);
        erased.given(AVAILABLE, BOOKED).when(new CancelSession(COACH_ID, "s-1", COACH, "client left", NOW))
              .expectEvents(new SessionCancelled(COACH_ID, "s-1", "client-1", COACH, MONDAY_9,
                                                 MONDAY_9.plusSeconds(3000), ZONE, 1, null, NOW));
    }

    @Test
    void aClientHoldsAtMostTenUpcomingSessionsWithACoach() {
        Object[] given = new Object[2 + CoachCalendar.MAX_UPCOMING_PER_CLIENT];
        given[0] = AVAILABLE;
        for (int week = 0; week <= CoachCalendar.MAX_UPCOMING_PER_CLIENT; week++) {
            Instant start = MONDAY_9.plusSeconds(week * 7L * 86_400);
            if (week < CoachCalendar.MAX_UPCOMING_PER_CLIENT) {
                given[week + 1] = new SessionBooked(COACH_ID, "s-" + week, "client-1", start, start.plusSeconds(3000),
                                                    ZONE, NOW);
            }
        }
        given[given.length - 1] = new SessionBooked(COACH_ID, "other", "client-2", MONDAY_10,
                                                    MONDAY_10.plusSeconds(3000), ZONE, NOW);
        Instant nextMonday10 = MONDAY_10.plusSeconds(7L * 86_400);
        fixture.given(given).when(new BookSession(COACH_ID, "s-more", "client-1", nextMonday10, NOW))
               .expectException(ConflictingCommandException.class)
               .expectExceptionMessage("the client has 10 upcoming sessions with this coach already").expectNoEvents();
        fixture.given(given).when(new BookSession(COACH_ID, "s-other", "client-2", nextMonday10, NOW))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void aCancelledSlotCanBeBookedAgain() {
        fixture.given(AVAILABLE, BOOKED, CANCELLED)
               .when(new BookSession(COACH_ID, "s-2", "client-2", MONDAY_9, NOW))
               .expectEvents(new SessionBooked(COACH_ID, "s-2", "client-2", MONDAY_9, MONDAY_9.plusSeconds(3000),
                                               ZONE, NOW));
    }

    @Test
    void rescheduleMovesToAnotherFreeSlotWithAReasonAndCountsTheMoves() {
        fixture.given(AVAILABLE, BOOKED)
               .when(new RescheduleSession(COACH_ID, "s-1", COACH, MONDAY_10, "a clash", NOW))
               .expectEvents(new SessionRescheduled(COACH_ID, "s-1", "client-1", COACH, MONDAY_9, MONDAY_10,
                                                    MONDAY_10.plusSeconds(3000), ZONE, 1, "sealed:a clash", NOW));
        fixture.given(AVAILABLE, BOOKED)
               .when(new RescheduleSession(COACH_ID, "s-1", COACH, MONDAY_10, "", NOW))
               .expectException(InvalidCommandException.class).expectExceptionMessage("reason must not be blank")
               .expectNoEvents();
        fixture.given(AVAILABLE, BOOKED)
               .when(new RescheduleSession(COACH_ID, "s-1", COACH, MONDAY_10.plusSeconds(60), "x", NOW))
               .expectException(InvalidCommandException.class)
               .expectExceptionMessage("newStart is not a slot the coach offers").expectNoEvents();
        fixture.given(AVAILABLE, BOOKED,
                      new SessionBooked(COACH_ID, "s-2", "client-2", MONDAY_10, MONDAY_10.plusSeconds(3000), ZONE,
                                        NOW))
               .when(new RescheduleSession(COACH_ID, "s-1", CLIENT, MONDAY_10, "x", NOW))
               .expectException(ConflictingCommandException.class).expectNoEvents();
    }

    @Test
    void theCoachRecordsAnOutcomeOnceTheSessionStartedWithNotesSealed() {
        FixtureConfiguration<CoachCalendar> started = new AggregateTestFixture<>(CoachCalendar.class);
        started.registerInjectableResource(Clock.fixed(MONDAY_9.plusSeconds(3600), ZoneOffset.UTC));
        started.registerInjectableResource(new VisibleCipher("sealed:"));
        started.given(AVAILABLE, BOOKED).when(new RecordSessionOutcome(COACH_ID, "s-1", ATTENDED, "went well", NOW))
               .expectEvents(new SessionOutcomeRecorded(COACH_ID, "s-1", "client-1", ATTENDED, MONDAY_9,
                                                        MONDAY_9.plusSeconds(3000), ZONE, "sealed:went well", NOW));
        started.given(AVAILABLE, BOOKED,
                      new SessionOutcomeRecorded(COACH_ID, "s-1", "client-1", NO_SHOW, MONDAY_9,
                                                 MONDAY_9.plusSeconds(3000), ZONE, null, NOW))
               .when(new RecordSessionOutcome(COACH_ID, "s-1", ATTENDED, null, NOW))
               .expectException(ConflictingCommandException.class).expectNoEvents();
        started.given(AVAILABLE, BOOKED).when(new RecordSessionOutcome(COACH_ID, "s-1", null, null, NOW))
               .expectException(InvalidCommandException.class)
               .expectExceptionMessage("outcome must be ATTENDED or NO_SHOW").expectNoEvents();
        fixture.given(AVAILABLE, BOOKED).when(new RecordSessionOutcome(COACH_ID, "s-1", NO_SHOW, null, NOW))
               .expectException(ConflictingCommandException.class)
               .expectExceptionMessage("the session has not started yet").expectNoEvents();
    }
}
