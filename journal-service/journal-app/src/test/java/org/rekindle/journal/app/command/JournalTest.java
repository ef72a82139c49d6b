package org.rekindle.journal.app.command;

import org.rekindle.platform.command.ConflictingCommandException;
import org.rekindle.platform.command.UnknownEntityException;
import org.rekindle.platform.command.InvalidCommandException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rekindle.journal.app.command.api.ApologyDrafted;
import org.rekindle.journal.app.command.api.ApologyRevised;
import org.rekindle.journal.app.command.api.Channel;
import org.rekindle.journal.app.command.api.CompleteReflection;
import org.rekindle.journal.app.command.api.DraftApology;
import org.rekindle.journal.app.command.api.EndNoContactPeriod;
import org.rekindle.journal.app.command.api.ChangeConsent;
import org.rekindle.journal.app.command.api.CoachView;
import org.rekindle.journal.app.command.api.ConsentChanged;
import org.rekindle.journal.app.command.api.EntryShared;
import org.rekindle.journal.app.command.api.EntryUnshared;
import org.rekindle.journal.app.command.api.InitiatedBy;
import org.rekindle.journal.app.command.api.JournalOpened;
import org.rekindle.journal.app.command.api.MoodCheckedIn;
import org.rekindle.journal.app.command.api.NoContactBroken;
import org.rekindle.journal.app.command.api.NoContactEnded;
import org.rekindle.journal.app.command.api.NoContactStarted;
import org.rekindle.journal.app.command.api.RecordBreach;
import org.rekindle.journal.app.command.api.RecordMoodCheckIn;
import org.rekindle.journal.app.command.api.RecordUrge;
import org.rekindle.journal.app.command.api.ReflectionCompleted;
import org.rekindle.journal.app.command.api.ReviseApology;
import org.rekindle.journal.app.command.api.ShareEntry;
import org.rekindle.journal.app.command.api.StartNoContactPeriod;
import org.rekindle.journal.app.command.api.UnshareEntry;
import org.rekindle.journal.app.command.api.UrgeRecorded;
import org.rekindle.platform.axon.AxonObjectMapperAutoConfiguration;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every journal command: what it records when valid and why it is refused when not (nothing recorded then). */
class JournalTest {

    private static final String CLIENT = "client-1";
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Instant DAY_0 = NOW.minus(20, ChronoUnit.DAYS);
    private static final Instant DAY_12 = DAY_0.plus(12, ChronoUnit.DAYS);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TextCipher PLAIN = new VisibleCipher("");

    private FixtureConfiguration<Journal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Journal.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(DefaultScreen.ENGLISH);
        fixture.registerInjectableResource(PLAIN);
    }

    private static JournalOpened opened() {
        return new JournalOpened(CLIENT, DAY_0);
    }

    private static NoContactStarted started() {
        return new NoContactStarted(CLIENT, "p1", 30, DAY_0);
    }

    /** One of each command, at the given time, each valid against {@link #everyKindOfRecord()} but for that time. */
    static List<Function<Instant, Object>> everyCommand() {
        return List.of(at -> new StartNoContactPeriod(CLIENT, "p2", 30, at),
                       at -> new RecordBreach(CLIENT, "b1", Channel.CALL, InitiatedBy.EX, null, at),
                       at -> new EndNoContactPeriod(CLIENT, "p1", null, at),
                       at -> new RecordUrge(CLIENT, "u1", true, null, at),
                       at -> new CompleteReflection(CLIENT, "e9", "p", "text", at),
                       at -> new DraftApology(CLIENT, "a9", "text", at),
                       at -> new ReviseApology(CLIENT, "a1", "v2", at),
                       at -> new RecordMoodCheckIn(CLIENT, "m9", 3, null, null, at),
                       at -> new ShareEntry(CLIENT, "e1", at),
                       at -> new UnshareEntry(CLIENT, "e1", at),
                       at -> new ChangeConsent(CLIENT, Set.of(CoachView.SLEEP), at));
    }

    private static Object[] everyKindOfRecord() {
        return new Object[]{opened(), new ReflectionCompleted(CLIENT, "e1", "p", "t", DAY_0),
                new ApologyDrafted(CLIENT, "a1", "v1", 1, DAY_0), started()};
    }

    @Nested
    class EveryCommand {

        @ParameterizedTest
        @MethodSource("org.rekindle.journal.app.command.JournalTest#everyCommand")
        void needsAnOccurredAt(Function<Instant, Object> command) {
            fixture.given(everyKindOfRecord()).when(command.apply(null))
                   .expectException(InvalidCommandException.class)
                   .expectExceptionMessage("occurredAt must be given").expectNoEvents();
        }

        @ParameterizedTest
        @MethodSource("org.rekindle.journal.app.command.JournalTest#everyCommand")
        void refusesMoreThanFiveMinutesAhead(Function<Instant, Object> command) {
            fixture.given(everyKindOfRecord()).when(command.apply(NOW.plus(5, ChronoUnit.MINUTES).plusSeconds(1)))
                   .expectException(InvalidCommandException.class)
                   .expectExceptionMessage("occurredAt must not be in the future").expectNoEvents();
        }

        @ParameterizedTest
        @MethodSource("org.rekindle.journal.app.command.JournalTest#everyCommand")
        void toleratesFiveMinutesOfClockSkew(Function<Instant, Object> command) {
            Object valid = command.apply(NOW.plus(5, ChronoUnit.MINUTES));
            if (valid instanceof StartNoContactPeriod) {
                fixture.given(opened()).when(valid).expectSuccessfulHandlerExecution();
            } else {
                fixture.given(everyKindOfRecord()).when(valid).expectSuccessfulHandlerExecution();
            }
        }
    }

    @Nested
    class StartingNoContact {

        @Test
        void aNewJournalOpensWithItsFirstRecord() {
            fixture.givenNoPriorActivity()
                   .when(new StartNoContactPeriod(CLIENT, "p1", 30, DAY_0))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(opened(), started());
        }

        @Test
        void anExistingJournalDoesNotOpenAgain() {
            fixture.given(opened(), new NoContactEnded(CLIENT, "p0", null, 0, DAY_0))
                   .when(new StartNoContactPeriod(CLIENT, "p1", 45, DAY_12))
                   .expectEvents(new NoContactStarted(CLIENT, "p1", 45, DAY_12));
        }

        @Test
        void targetDaysMustBeOneTo365() {
            fixture.givenNoPriorActivity().when(new StartNoContactPeriod(CLIENT, "p1", 0, DAY_0))
                   .expectException(InvalidCommandException.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new StartNoContactPeriod(CLIENT, "p1", 366, DAY_0))
                   .expectException(InvalidCommandException.class)
                   .expectExceptionMessage("targetDays must be between 1 and 365").expectNoEvents();
        }

        @Test
        void needsAPeriodId() {
            fixture.givenNoPriorActivity().when(new StartNoContactPeriod(CLIENT, null, 30, DAY_0))
                   .expectException(InvalidCommandException.class)
                   .expectExceptionMessage("periodId must not be blank").expectNoEvents();
        }

        @Test
        void onlyOnePeriodRunsAtATime() {
            fixture.given(opened(), started()).when(new StartNoContactPeriod(CLIENT, "p2", 30, DAY_12))
                   .expectException(ConflictingCommandException.class).expectNoEvents();
        }

        @Test
        void notInTheFuture() {
            fixture.givenNoPriorActivity().when(new StartNoContactPeriod(CLIENT, "p1", 30, NOW.plus(1, ChronoUnit.HOURS)))
                   .expectException(InvalidCommandException.class)
                   .expectExceptionMessage("occurredAt must not be in the future").expectNoEvents();
        }

        @Test
        void notBeforeTheLastContactLogRecord() {
            fixture.given(opened(), new UrgeRecorded(CLIENT, "u1", true, null, DAY_12))
                   .when(new StartNoContactPeriod(CLIENT, "p1", 30, DAY_0))
                   .expectException(ConflictingCommandException.class).expectNoEvents();
        }
    }

    @Nested
    class RecordingBreaches {

        @Test
        void aBreachOnDay12EndsA12DayAttemptAndTheNextStartsAtTheBreach() {
            fixture.given(opened(), started())
                   .when(new RecordBreach(CLIENT, "b1", Channel.TEXT, InitiatedBy.CLIENT, "texted late", DAY_12))
                   .expectEvents(new NoContactBroken(CLIENT, "p1", "b1", Channel.TEXT, InitiatedBy.CLIENT,
                                                     "texted late", 12, DAY_12));
        }

        @Test
        void theNextAttemptCountsFromThePreviousBreach() {
            Instant later = DAY_12.plus(5, ChronoUnit.DAYS).plus(23, ChronoUnit.HOURS);
            fixture.given(opened(), started(),
                          new NoContactBroken(CLIENT, "p1", "b1", Channel.TEXT, InitiatedBy.CLIENT, null, 12, DAY_12))
                   .when(new RecordBreach(CLIENT, "b2", Channel.IN_PERSON, InitiatedBy.EX, null, later))
                   .expectEvents(new NoContactBroken(CLIENT, "p1", "b2", Channel.IN_PERSON, InitiatedBy.EX, null, 5,
                                                     later));
        }

        @Test
        void needsARunningPeriod() {
            fixture.given(opened()).when(new RecordBreach(CLIENT, "b1", Channel.CALL, InitiatedBy.EX, null, DAY_12))
                   .expectException(ConflictingCommandException.class).expectNoEvents();
            fixture.givenNoPriorActivity()
                   .when(new RecordBreach(CLIENT, "b1", Channel.CALL, InitiatedBy.EX, null, DAY_12))
                   .expectException(ConflictingCommandException.class).expectNoEvents();
            fixture.given(opened(), started(), new NoContactEnded(CLIENT, "p1", null, 1, DAY_0.plus(1, ChronoUnit.DAYS)))
                   .when(new RecordBreach(CLIENT, "b1", Channel.CALL, InitiatedBy.EX, null, DAY_12))
                   .expectException(ConflictingCommandException.class).expectNoEvents();
        }

        @Test
        void notBeforeTheLastContactLogRecord() {
            fixture.given(opened(), started(), new UrgeRecorded(CLIENT, "u1", true, null, DAY_12))
                   .when(new RecordBreach(CLIENT, "b1", Channel.CALL, InitiatedBy.EX, null, DAY_12.minusSeconds(1)))
                   .expectException(ConflictingCommandException.class).expectNoEvents();
        }

        @Test
        void notBeforeTheAttemptStarted() {
            fixture.given(opened(), started())
                   .when(new RecordBreach(CLIENT, "b1", Channel.CALL, InitiatedBy.EX, null, DAY_0.minusSeconds(1)))
                   .expectException(ConflictingCommandException.class).expectNoEvents();
        }

        @Test
        void notesAreBoundedAndChannelAndInitiatorRequired() {
            fixture.given(opened(), started())
                   .when(new RecordBreach(CLIENT, "b1", Channel.CALL, InitiatedBy.EX, "x".repeat(4_001), DAY_12))
                   .expectException(InvalidCommandException.class).expectNoEvents();
            fixture.given(opened(), started())
                   .when(new RecordBreach(CLIENT, "b1", null, InitiatedBy.EX, null, DAY_12))
                   .expectException(InvalidCommandException.class).expectNoEvents();
            fixture.given(opened(), started())
                   .when(new RecordBreach(CLIENT, "b1", Channel.CALL, null, null, DAY_12))
                   .expectException(InvalidCommandException.class).expectNoEvents();
            fixture.given(opened(), started())
                   .when(new RecordBreach(CLIENT, " ", Channel.CALL, InitiatedBy.EX, null, DAY_12))
                   .expectException(InvalidCommandException.class).expectNoEvents();
        }

        @Test
        void notInTheFuture() {
            fixture.given(opened(), started())
                   .when(new RecordBreach(CLIENT, "b1", Channel.CALL, InitiatedBy.EX, null, NOW.plus(1, ChronoUnit.DAYS)))
                   .expectException(InvalidCommandException.class).expectNoEvents();
        }
    }

    @Nested
    class EndingNoContact {

        @Test
        void endingKeepsTheLastAttemptsDays() {
            Instant almostDay15 = DAY_0.plus(15, ChronoUnit.DAYS).minusSeconds(1);
            fixture.given(opened(), started())
                   .when(new EndNoContactPeriod(CLIENT, "p1", "target reached", almostDay15))
                   .expectEvents(new NoContactEnded(CLIENT, "p1", "target reached", 14, almostDay15));
        }

        @Test
        void afterABreachTheEndCountsFromTheBreach() {
            Instant day20 = DAY_0.plus(20, ChronoUnit.DAYS);
            fixture.given(opened(), started(),
                          new NoContactBroken(CLIENT, "p1", "b1", Channel.TEXT, InitiatedBy.EX, null, 12, DAY_12))
                   .when(new EndNoContactPeriod(CLIENT, "p1", null, day20))
                   .expectEvents(new NoContactEnded(CLIENT, "p1", null, 8, day20));
        }

        @Test
        void anUnknownPeriodIsNotFoundAndAnEndedOneIsAConflict() {
            fixture.givenNoPriorActivity().when(new EndNoContactPeriod(CLIENT, "p1", null, DAY_12))
                   .expectException(UnknownEntityException.class).expectNoEvents();
            fixture.given(opened(), started()).when(new EndNoContactPeriod(CLIENT, "nope", null, DAY_12))
                   .expectException(UnknownEntityException.class).expectNoEvents();
            fixture.given(opened(), started(), new NoContactEnded(CLIENT, "p1", null, 12, DAY_12))
                   .when(new EndNoContactPeriod(CLIENT, "p1", null, DAY_12))
                   .expectException(ConflictingCommandException.class).expectNoEvents();
        }

        @Test
        void reasonIsBoundedAndTimeMovesForward() {
            fixture.given(opened(), started()).when(new EndNoContactPeriod(CLIENT, "p1", "x".repeat(201), DAY_12))
                   .expectException(InvalidCommandException.class).expectNoEvents();
            fixture.given(opened(), started()).when(new EndNoContactPeriod(CLIENT, "p1", null, DAY_0.minusSeconds(5)))
                   .expectException(ConflictingCommandException.class).expectNoEvents();
            fixture.given(opened(), started(), new UrgeRecorded(CLIENT, "u1", true, null, DAY_12))
                   .when(new EndNoContactPeriod(CLIENT, "p1", null, DAY_12.minusSeconds(1)))
                   .expectException(ConflictingCommandException.class).expectNoEvents();
        }
    }

    @Nested
    class RecordingUrges {

        @Test
        void anUrgeIsRecordedWithOrWithoutAPeriod() {
            fixture.givenNoPriorActivity().when(new RecordUrge(CLIENT, "u1", true, "went for a run", DAY_0))
                   .expectEvents(opened(), new UrgeRecorded(CLIENT, "u1", true, "went for a run", DAY_0));
        }

        @Test
        void refusedWhenOutOfOrderOverlongOrInTheFuture() {
            fixture.given(opened(), new UrgeRecorded(CLIENT, "u1", false, null, DAY_12))
                   .when(new RecordUrge(CLIENT, "u2", true, null, DAY_0))
                   .expectException(ConflictingCommandException.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new RecordUrge(CLIENT, "u1", true, "x".repeat(4_001), DAY_0))
                   .expectException(InvalidCommandException.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new RecordUrge(CLIENT, "u1", true, null, null))
                   .expectException(InvalidCommandException.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new RecordUrge(CLIENT, null, true, null, DAY_0))
                   .expectException(InvalidCommandException.class).expectNoEvents();
        }
    }

    @Nested
    class Reflections {

        @Test
        void aReflectionCanBeTheFirstRecord() {
            fixture.givenNoPriorActivity().when(new CompleteReflection(CLIENT, "e1", "p", "text", DAY_12))
                   .expectEvents(new JournalOpened(CLIENT, DAY_12),
                                 new ReflectionCompleted(CLIENT, "e1", "p", "text", DAY_12));
        }

        @Test
        void aReflectionAnswersAPrompt() {
            fixture.given(opened())
                   .when(new CompleteReflection(CLIENT, "e1", "own-your-part", "I went quiet.", DAY_12))
                   .expectEvents(new ReflectionCompleted(CLIENT, "e1", "own-your-part", "I went quiet.", DAY_12));
        }

        @Test
        void blankOrOverlongIsRefused() {
            fixture.given(opened()).when(new CompleteReflection(CLIENT, "e1", " ", "text", DAY_12))
                   .expectException(InvalidCommandException.class).expectNoEvents();
            fixture.given(opened()).when(new CompleteReflection(CLIENT, "e1", "p", "", DAY_12))
                   .expectException(InvalidCommandException.class).expectNoEvents();
            fixture.given(opened()).when(new CompleteReflection(CLIENT, "e1", "p", "x".repeat(20_001), DAY_12))
                   .expectException(InvalidCommandException.class).expectNoEvents();
            fixture.given(opened()).when(new CompleteReflection(CLIENT, "e1", "p".repeat(101), "text", DAY_12))
                   .expectException(InvalidCommandException.class).expectNoEvents();
            fixture.given(opened()).when(new CompleteReflection(CLIENT, "", "p", "text", DAY_12))
                   .expectException(InvalidCommandException.class).expectNoEvents();
        }

        @Test
        void entryIdsAreNeverReused() {
            fixture.given(opened(), new MoodCheckedIn(CLIENT, "e1", 3, null, null, DAY_0))
                   .when(new CompleteReflection(CLIENT, "e1", "p", "text", DAY_12))
                   .expectException(ConflictingCommandException.class).expectNoEvents();
        }
    }

    @Nested
    class Apologies {

        @Test
        void draftIsVersionOneAndRevisionsCountUp() {
            fixture.givenNoPriorActivity().when(new DraftApology(CLIENT, "a1", "I'm sorry.", DAY_0))
                   .expectEvents(opened(), new ApologyDrafted(CLIENT, "a1", "I'm sorry.", 1, DAY_0));
            fixture.given(opened(), new ApologyDrafted(CLIENT, "a1", "v1", 1, DAY_0),
                          new ApologyRevised(CLIENT, "a1", "v2", 2, DAY_0))
                   .when(new ReviseApology(CLIENT, "a1", "v3", DAY_12))
                   .expectResultMessagePayload(3)
                   .expectEvents(new ApologyRevised(CLIENT, "a1", "v3", 3, DAY_12));
        }

        @Test
        void revisionsAreNumberedOneTwoThree() {
            fixture.given(opened(), new ApologyDrafted(CLIENT, "a1", "v1", 1, DAY_0))
                   .when(new ReviseApology(CLIENT, "a1", "v2", DAY_12))
                   .expectResultMessagePayload(2)
                   .expectEvents(new ApologyRevised(CLIENT, "a1", "v2", 2, DAY_12));
        }

        @Test
        void revisingNeedsAnExistingApologyWithNewText() {
            fixture.givenNoPriorActivity().when(new ReviseApology(CLIENT, "a1", "text", DAY_12))
                   .expectException(UnknownEntityException.class).expectNoEvents();
            fixture.given(opened()).when(new ReviseApology(CLIENT, "a1", "text", DAY_12))
                   .expectException(UnknownEntityException.class).expectNoEvents();
            fixture.given(opened(), new ReflectionCompleted(CLIENT, "r1", "p", "t", DAY_0))
                   .when(new ReviseApology(CLIENT, "r1", "text", DAY_12))
                   .expectException(ConflictingCommandException.class).expectNoEvents();
            fixture.given(opened(), new ApologyDrafted(CLIENT, "a1", "same", 1, DAY_0))
                   .when(new ReviseApology(CLIENT, "a1", "same", DAY_12))
                   .expectException(ConflictingCommandException.class).expectNoEvents();
            fixture.given(opened(), new ApologyDrafted(CLIENT, "a1", "v1", 1, DAY_0))
                   .when(new ReviseApology(CLIENT, "a1", " ", DAY_12))
                   .expectException(InvalidCommandException.class).expectNoEvents();
            fixture.given(opened(), new ApologyDrafted(CLIENT, "a1", "v1", 1, DAY_0))
                   .when(new ReviseApology(CLIENT, "a1", "x".repeat(20_001), DAY_12))
                   .expectException(InvalidCommandException.class).expectNoEvents();
        }

        @Test
        void draftingIsRefusedForBlankTextOrAUsedId() {
            fixture.given(opened()).when(new DraftApology(CLIENT, "a1", "  ", DAY_12))
                   .expectException(InvalidCommandException.class).expectNoEvents();
            fixture.given(opened(), new ApologyDrafted(CLIENT, "a1", "v1", 1, DAY_0))
                   .when(new DraftApology(CLIENT, "a1", "again", DAY_12))
                   .expectException(ConflictingCommandException.class).expectNoEvents();
            fixture.given(opened(), new ReflectionCompleted(CLIENT, "r1", "p", "t", DAY_0))
                   .when(new DraftApology(CLIENT, "r1", "again", DAY_12))
                   .expectException(ConflictingCommandException.class).expectNoEvents();
            fixture.given(opened()).when(new DraftApology(CLIENT, "a1", "x".repeat(20_001), DAY_12))
                   .expectException(InvalidCommandException.class).expectNoEvents();
            fixture.given(opened()).when(new DraftApology(CLIENT, null, "text", DAY_12))
                   .expectException(InvalidCommandException.class).expectNoEvents();
        }
    }

    @Nested
    class MoodCheckIns {

        @Test
        void scoreNoteAndSleepAreRecorded() {
            fixture.given(opened()).when(new RecordMoodCheckIn(CLIENT, "m1", 2, "rough night", 5.5, DAY_12))
                   .expectEvents(new MoodCheckedIn(CLIENT, "m1", 2, "rough night", 5.5, DAY_12));
        }

        @Test
        void theBoundsThemselvesAreAccepted() {
            fixture.givenNoPriorActivity().when(new RecordMoodCheckIn(CLIENT, "m1", 1, null, 0.0, DAY_12))
                   .expectEvents(new JournalOpened(CLIENT, DAY_12), new MoodCheckedIn(CLIENT, "m1", 1, null, 0.0, DAY_12));
            fixture.given(opened()).when(new RecordMoodCheckIn(CLIENT, "m1", 5, null, 24.0, DAY_12))
                   .expectEvents(new MoodCheckedIn(CLIENT, "m1", 5, null, 24.0, DAY_12));
        }

        @Test
        void entryIdsAreNeverReused() {
            fixture.given(opened(), new ApologyDrafted(CLIENT, "m1", "v1", 1, DAY_0))
                   .when(new RecordMoodCheckIn(CLIENT, "m1", 3, null, null, DAY_12))
                   .expectException(ConflictingCommandException.class).expectNoEvents();
        }

        @Test
        void scoreIsOneToFiveAndSleepZeroTo24() {
            fixture.given(opened()).when(new RecordMoodCheckIn(CLIENT, "m1", 0, null, null, DAY_12))
                   .expectException(InvalidCommandException.class).expectNoEvents();
            fixture.given(opened()).when(new RecordMoodCheckIn(CLIENT, "m1", 6, null, null, DAY_12))
                   .expectException(InvalidCommandException.class).expectNoEvents();
            fixture.given(opened()).when(new RecordMoodCheckIn(CLIENT, "m1", 3, null, 24.5, DAY_12))
                   .expectException(InvalidCommandException.class)
                   .expectExceptionMessage("sleepHours must be between 0 and 24").expectNoEvents();
            fixture.given(opened()).when(new RecordMoodCheckIn(CLIENT, "m1", 3, null, -1.0, DAY_12))
                   .expectException(InvalidCommandException.class).expectNoEvents();
            fixture.given(opened()).when(new RecordMoodCheckIn(CLIENT, "m1", 3, "x".repeat(4_001), null, DAY_12))
                   .expectException(InvalidCommandException.class).expectNoEvents();
        }
    }

    @Nested
    class Sharing {

        private final ReflectionCompleted reflection = new ReflectionCompleted(CLIENT, "e1", "p", "t", DAY_0);

        @Test
        void shareAndUnshare() {
            fixture.given(opened(), reflection).when(new ShareEntry(CLIENT, "e1", DAY_12))
                   .expectEvents(new EntryShared(CLIENT, "e1", DAY_12));
            fixture.given(opened(), reflection, new EntryShared(CLIENT, "e1", DAY_0))
                   .when(new UnshareEntry(CLIENT, "e1", DAY_12))
                   .expectEvents(new EntryUnshared(CLIENT, "e1", DAY_12));
        }

        @Test
        void sharingTwiceRecordsOnce() {
            fixture.given(opened(), reflection, new EntryShared(CLIENT, "e1", DAY_0))
                   .when(new ShareEntry(CLIENT, "e1", DAY_12))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(opened(), reflection).when(new UnshareEntry(CLIENT, "e1", DAY_12))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void unknownEntriesAreNotFound() {
            fixture.given(opened()).when(new ShareEntry(CLIENT, "nope", DAY_12))
                   .expectException(UnknownEntityException.class).expectNoEvents();
            fixture.givenNoPriorActivity().when(new UnshareEntry(CLIENT, "nope", DAY_12))
                   .expectException(UnknownEntityException.class).expectNoEvents();
        }
    }

    @Nested
    class Consent {

        @Test
        void theClientChoosesWhatTheCoachSees() {
            fixture.given(opened()).when(new ChangeConsent(CLIENT, Set.of(CoachView.MOOD_TREND, CoachView.SLEEP), DAY_12))
                   .expectEvents(new ConsentChanged(CLIENT, Set.of(CoachView.MOOD_TREND, CoachView.SLEEP), DAY_12));
            fixture.given(opened(), new ConsentChanged(CLIENT, Set.of(CoachView.SLEEP), DAY_0))
                   .when(new ChangeConsent(CLIENT, Set.of(), DAY_12))
                   .expectEvents(new ConsentChanged(CLIENT, Set.of(), DAY_12));
        }

        @Test
        void aClientWithoutAJournalYetMayChooseBeforeWritingAnything() {
            fixture.givenNoPriorActivity().when(new ChangeConsent(CLIENT, Set.of(CoachView.STREAK), DAY_12))
                   .expectEvents(new JournalOpened(CLIENT, DAY_12),
                                 new ConsentChanged(CLIENT, Set.of(CoachView.STREAK), DAY_12));
        }

        @Test
        void choosingWhatIsAlreadyChosenRecordsNothing() {
            fixture.given(opened()).when(new ChangeConsent(CLIENT, CoachView.DEFAULT, DAY_12))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(opened(), new ConsentChanged(CLIENT, Set.of(CoachView.URGES), DAY_0))
                   .when(new ChangeConsent(CLIENT, Set.of(CoachView.URGES), DAY_12))
                   .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aMissingChoiceIsRefused() {
            fixture.given(opened()).when(new ChangeConsent(CLIENT, null, DAY_12))
                   .expectException(InvalidCommandException.class).expectNoEvents();
        }
    }

    /**
     * Snapshots are the aggregate serialized by Axon's {@link JacksonSerializer} with the platform's Axon object
     * mapper. A journal built by its own event-sourcing handlers must come back whole: same JSON, same decisions.
     */
    @Nested
    class Snapshots {

        private final JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(new AxonObjectMapperAutoConfiguration().defaultAxonObjectMapper()).build();

        @Test
        void aJournalRoundTripsThroughJackson() {
            Journal journal = new Journal();
            journal.on(opened());
            journal.on(new NoContactStarted(CLIENT, "p0", 30, DAY_0));
            journal.on(new NoContactEnded(CLIENT, "p0", "moved on", 1, DAY_0.plus(1, ChronoUnit.DAYS)));
            journal.on(new NoContactStarted(CLIENT, "p1", 30, DAY_0.plus(2, ChronoUnit.DAYS)));
            journal.on(new NoContactBroken(CLIENT, "p1", "b1", Channel.TEXT, InitiatedBy.EX, null, 10, DAY_12));
            journal.on(new UrgeRecorded(CLIENT, "u1", true, null, DAY_12.plus(1, ChronoUnit.HOURS)));
            journal.on(new ApologyDrafted(CLIENT, "a1", "v1", 1, DAY_0));
            journal.on(new ApologyRevised(CLIENT, "a1", "v2", 2, DAY_12));
            journal.on(new ReflectionCompleted(CLIENT, "r1", "p", "t", DAY_0));
            journal.on(new EntryShared(CLIENT, "r1", DAY_12));
            journal.on(new MoodCheckedIn(CLIENT, "m1", 3, null, 7.5, DAY_0));

            SerializedObject<String> snapshot = serializer.serialize(journal, String.class);
            Journal restored = serializer.deserialize(snapshot);

            assertThat(serializer.serialize(restored, String.class).getData()).isEqualTo(snapshot.getData());
            assertThat(snapshot.getData()).contains("\"attemptStartedAt\":\"" + DAY_12 + "\"");
            // Each refusal below is decided by restored state alone, before anything would be applied.
            assertThatThrownBy(() -> restored.handle(new StartNoContactPeriod(CLIENT, "p2", 30, NOW), CLOCK))
                    .isInstanceOf(ConflictingCommandException.class);
            assertThatThrownBy(() -> restored.handle(new EndNoContactPeriod(CLIENT, "p0", null, NOW), CLOCK, PLAIN, DefaultScreen.ENGLISH))
                    .isInstanceOf(ConflictingCommandException.class);
            assertThatThrownBy(() -> restored.handle(
                    new RecordBreach(CLIENT, "b2", Channel.CALL, InitiatedBy.EX, null, DAY_12.plusSeconds(1)), CLOCK, PLAIN, DefaultScreen.ENGLISH))
                    .as("the urge an hour after the breach is the latest contact-log record")
                    .isInstanceOf(ConflictingCommandException.class);
            assertThatThrownBy(() -> restored.handle(new ReviseApology(CLIENT, "a1", "v2", NOW), CLOCK, PLAIN, DefaultScreen.ENGLISH))
                    .isInstanceOf(ConflictingCommandException.class);
            assertThatThrownBy(() -> restored.handle(new ReviseApology(CLIENT, "r1", "v3", NOW), CLOCK, PLAIN, DefaultScreen.ENGLISH))
                    .isInstanceOf(ConflictingCommandException.class);
            assertThatThrownBy(() -> restored.handle(new RecordMoodCheckIn(CLIENT, "m1", 3, null, null, NOW), CLOCK, PLAIN, DefaultScreen.ENGLISH))
                    .isInstanceOf(ConflictingCommandException.class);
        }
    }
}
