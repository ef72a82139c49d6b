package org.rekindle.journal.app.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.app.command.api.CoachNoteId;
import org.rekindle.journal.app.command.api.CoachNoteRevised;
import org.rekindle.journal.app.command.api.CoachNoteWritten;
import org.rekindle.journal.app.command.api.WriteCoachNote;
import org.rekindle.platform.command.ConflictingCommandException;
import org.rekindle.platform.command.InvalidCommandException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A coach's private note: what writing and rewriting it records, sealed, and why a write is refused. */
class CoachNoteTest {

    private static final String CLIENT = "client-1";
    private static final String COACH = "coach-1";
    private static final String NOTE = CoachNoteId.of(CLIENT, COACH);
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Instant EARLIER = NOW.minusSeconds(3600);

    private final VisibleCipher cipher = new VisibleCipher("sealed:");
    private FixtureConfiguration<CoachNote> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CoachNote.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(cipher);
    }

    private static CoachNoteWritten written(String sealedText) {
        return new CoachNoteWritten(NOTE, CLIENT, COACH, sealedText, 1, EARLIER);
    }

    @Test
    void theFirstWriteIsRevisionOneWithTheTextSealedWithTheClientsKey() {
        fixture.givenNoPriorActivity()
               .when(new WriteCoachNote(NOTE, CLIENT, COACH, "Watch for: sleep below 5 h", NOW))
               .expectEvents(new CoachNoteWritten(NOTE, CLIENT, COACH, "sealed:Watch for: sleep below 5 h", 1, NOW))
               .expectResultMessagePayload(1);
    }

    @Test
    void rewritingTheNoteIsTheNextRevision() {
        fixture.given(written("sealed:first thoughts"))
               .when(new WriteCoachNote(NOTE, CLIENT, COACH, "second thoughts", NOW))
               .expectEvents(new CoachNoteRevised(NOTE, CLIENT, COACH, "sealed:second thoughts", 2, NOW))
               .expectResultMessagePayload(2);
    }

    @Test
    void savingTheSameTextAgainRecordsNothing() {
        fixture.given(written("sealed:same"), new CoachNoteRevised(NOTE, CLIENT, COACH, "sealed:same again", 2, EARLIER))
               .when(new WriteCoachNote(NOTE, CLIENT, COACH, "same again", NOW))
               .expectNoEvents()
               .expectResultMessagePayload(2);
    }

    @Test
    void aBlankOrTooLongTextIsRefusedNamingTheField() {
        fixture.givenNoPriorActivity().when(new WriteCoachNote(NOTE, CLIENT, COACH, "  ", NOW))
               .expectException(InvalidCommandException.class).expectExceptionMessage("text must not be blank")
               .expectNoEvents();
        fixture.givenNoPriorActivity().when(new WriteCoachNote(NOTE, CLIENT, COACH, "x".repeat(10_001), NOW))
               .expectException(InvalidCommandException.class)
               .expectExceptionMessage("text must be at most 10000 characters").expectNoEvents();
        fixture.givenNoPriorActivity().when(new WriteCoachNote(NOTE, CLIENT, COACH, "x".repeat(10_000), NOW))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void aNoteDatedInTheFutureIsRefused() {
        fixture.givenNoPriorActivity()
               .when(new WriteCoachNote(NOTE, CLIENT, COACH, "later", NOW.plusSeconds(3600)))
               .expectException(InvalidCommandException.class).expectNoEvents();
    }

    @Test
    void aNoteIdThatIsNotThisClientAndCoachsIsRefused() {
        fixture.givenNoPriorActivity()
               .when(new WriteCoachNote(CoachNoteId.of(CLIENT, "coach-2"), CLIENT, COACH, "mine", NOW))
               .expectException(InvalidCommandException.class).expectNoEvents();
    }

    @Test
    void afterTheClientIsErasedTheNoteTakesNoNewTextAndItsOldTextNoLongerOpens() {
        cipher.erase(CLIENT);
        fixture.given(written("sealed:before erasure"))
               .when(new WriteCoachNote(NOTE, CLIENT, COACH, "after erasure", NOW))
               .expectException(ConflictingCommandException.class).expectNoEvents();
        assertThat(cipher.open(CLIENT, "sealed:before erasure")).isEqualTo(TextCipher.ERASED);
    }
}
