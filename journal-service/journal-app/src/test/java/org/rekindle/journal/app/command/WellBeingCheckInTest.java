package org.rekindle.journal.app.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rekindle.journal.app.command.api.JournalErased;
import org.rekindle.journal.app.command.api.JournalOpened;
import org.rekindle.journal.app.command.api.RecordWellBeingCheckIn;
import org.rekindle.journal.app.command.api.WellBeingCheckedIn;
import org.rekindle.platform.command.ConflictingCommandException;
import org.rekindle.platform.command.InvalidCommandException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The weekly WHO-5 check-in: scored as the scale says, five answers 0-5, one per ISO week. */
class WellBeingCheckInTest {

    private static final String CLIENT = "client-1";
    /** Friday 20 November 2026, in ISO week 2026-W47. */
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private FixtureConfiguration<Journal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Journal.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(new VisibleCipher(""));
    }

    private static RecordWellBeingCheckIn answers(String week, Instant at, Integer... items) {
        return new RecordWellBeingCheckIn(CLIENT, "w-" + at.toEpochMilli(), Arrays.asList(items), week, at);
    }

    @Test
    void aFirstCheckInOpensTheJournalAndIsScored() {
        fixture.givenNoPriorActivity()
               .when(answers("2026-W47", NOW, 3, 2, 1, 1, 0))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new JournalOpened(CLIENT, NOW),
                             new WellBeingCheckedIn(CLIENT, "w-" + NOW.toEpochMilli(), List.of(3, 2, 1, 1, 0), 7, 28,
                                                    "2026-W47", NOW));
    }

    @ParameterizedTest(name = "answers {0} score raw {1} = {2} %")
    @CsvSource(delimiter = ';', value = {"0,0,0,0,0;0;0", "5,5,5,5,5;25;100", "3,2,1,1,0;7;28", "2,2,2,1,1;8;32",
                                          "1,0,0,0,0;1;4"})
    void scoresAtTheBoundaries(String answers, int raw, int percentage) {
        List<Integer> items = Arrays.stream(answers.split(",")).map(Integer::valueOf).toList();
        assertThat(Who5.rawScore(items)).isEqualTo(raw);
        assertThat(Who5.percentage(Who5.rawScore(items))).isEqualTo(percentage);
        fixture.given(new JournalOpened(CLIENT, NOW))
               .when(new RecordWellBeingCheckIn(CLIENT, "w1", items, "2026-W47", NOW))
               .expectEvents(new WellBeingCheckedIn(CLIENT, "w1", items, raw, percentage, "2026-W47", NOW));
    }

    @ParameterizedTest(name = "item {0} answered {1} is refused")
    @CsvSource({"0,-1", "0,6", "1,-1", "1,6", "2,6", "3,-1", "4,6", "4,99"})
    void eachAnswerOutOfRangeIsRefusedNamingTheItem(int item, int answer) {
        List<Integer> items = new ArrayList<>(List.of(3, 3, 3, 3, 3));
        items.set(item, answer);
        fixture.given(new JournalOpened(CLIENT, NOW))
               .when(new RecordWellBeingCheckIn(CLIENT, "w1", items, "2026-W47", NOW))
               .expectException(InvalidCommandException.class)
               .expectExceptionMessage("items[" + item + "] must be between 0 (at no time) and 5 (all of the time)")
               .expectNoEvents();
    }

    @Test
    void aMissingAnswerIsRefusedNamingTheItem() {
        fixture.given(new JournalOpened(CLIENT, NOW))
               .when(answers("2026-W47", NOW, 3, null, 3, 3, 3))
               .expectException(InvalidCommandException.class).expectExceptionMessage(
                       "items[1] must be between 0 (at no time) and 5 (all of the time)")
               .expectNoEvents();
    }

    @Test
    void fourOrSixAnswersAreRefused() {
        fixture.given(new JournalOpened(CLIENT, NOW)).when(answers("2026-W47", NOW, 3, 3, 3, 3))
               .expectException(InvalidCommandException.class)
               .expectExceptionMessage("items must hold exactly 5 answers, one per statement").expectNoEvents();
        fixture.given(new JournalOpened(CLIENT, NOW)).when(answers("2026-W47", NOW, 3, 3, 3, 3, 3, 3))
               .expectException(InvalidCommandException.class).expectNoEvents();
        fixture.given(new JournalOpened(CLIENT, NOW))
               .when(new RecordWellBeingCheckIn(CLIENT, "w1", null, "2026-W47", NOW))
               .expectException(InvalidCommandException.class).expectNoEvents();
    }

    @Test
    void aSecondCheckInInTheSameWeekIsRefusedNamingTheWeek() {
        Instant monday = Instant.parse("2026-11-16T09:00:00Z");
        fixture.given(new JournalOpened(CLIENT, monday),
                      new WellBeingCheckedIn(CLIENT, "w0", List.of(3, 3, 3, 3, 3), 15, 60, "2026-W47", monday))
               .when(answers("2026-W47", NOW, 1, 1, 1, 1, 1))
               .expectException(ConflictingCommandException.class)
               .expectExceptionMessage("The WHO-5 for week 2026-W47 is already answered; the next one is due next "
                                       + "week.")
               .expectNoEvents();
    }

    @Test
    void theNextWeekIsOpenAgain() {
        Instant lastWeek = Instant.parse("2026-11-13T09:00:00Z");
        fixture.given(new JournalOpened(CLIENT, lastWeek),
                      new WellBeingCheckedIn(CLIENT, "w0", List.of(3, 3, 3, 3, 3), 15, 60, "2026-W46", lastWeek))
               .when(answers("2026-W47", NOW, 1, 1, 1, 1, 1))
               .expectEvents(new WellBeingCheckedIn(CLIENT, "w-" + NOW.toEpochMilli(), List.of(1, 1, 1, 1, 1), 5, 20,
                                                    "2026-W47", NOW));
    }

    @Test
    void theWeekMustBeOneTheMomentFallsInSomewhereOnEarth() {
        fixture.given(new JournalOpened(CLIENT, NOW)).when(answers("2026-W40", NOW, 3, 3, 3, 3, 3))
               .expectException(InvalidCommandException.class)
               .expectExceptionMessage("week must be the week the check-in is made in (" + NOW
                                       + " is in 2026-W47)")
               .expectNoEvents();
        fixture.given(new JournalOpened(CLIENT, NOW)).when(answers("week 47", NOW, 3, 3, 3, 3, 3))
               .expectException(InvalidCommandException.class)
               .expectExceptionMessage("week must be an ISO week such as 2026-W49").expectNoEvents();
    }

    @Test
    void sundayEveningInAucklandIsAlreadyNextWeekThere() {
        Instant sundayUtc = Instant.parse("2026-11-15T13:00:00Z"); // Monday 02:00 in Auckland
        assertThat(Who5.weekOf(sundayUtc, ZoneOffset.UTC)).isEqualTo("2026-W46");
        assertThat(Who5.weekOf(sundayUtc, ZoneId.of("Pacific/Auckland"))).isEqualTo("2026-W47");
        fixture.given(new JournalOpened(CLIENT, sundayUtc)).when(answers("2026-W47", sundayUtc, 3, 3, 3, 3, 3))
               .expectSuccessfulHandlerExecution();
        fixture.given(new JournalOpened(CLIENT, sundayUtc)).when(answers("2026-W46", sundayUtc, 3, 3, 3, 3, 3))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void isoWeeksAcrossTheYearEnd() {
        assertThat(Who5.weekOf(Instant.parse("2026-12-31T12:00:00Z"), ZoneOffset.UTC)).isEqualTo("2026-W53");
        assertThat(Who5.weekOf(Instant.parse("2027-01-04T12:00:00Z"), ZoneOffset.UTC)).isEqualTo("2027-W01");
    }

    @Test
    void anErasedJournalTakesNoCheckIn() {
        fixture.given(new JournalOpened(CLIENT, NOW), new JournalErased(CLIENT, NOW))
               .when(answers("2026-W47", NOW, 3, 3, 3, 3, 3))
               .expectException(ConflictingCommandException.class).expectNoEvents();
    }

    @Test
    void aCheckInInTheFutureIsRefused() {
        Instant later = NOW.plusSeconds(3600);
        fixture.given(new JournalOpened(CLIENT, NOW)).when(answers("2026-W47", later, 3, 3, 3, 3, 3))
               .expectException(InvalidCommandException.class).expectNoEvents();
    }
}
