package org.rekindle.journal.app.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.app.command.api.ApologyDrafted;
import org.rekindle.journal.app.command.api.ApologyRevised;
import org.rekindle.journal.app.command.api.CoachNoteRevised;
import org.rekindle.journal.app.command.api.CoachNoteWritten;
import org.rekindle.journal.app.command.api.JournalErased;
import org.rekindle.journal.app.command.api.JournalOpened;
import org.rekindle.journal.app.command.api.JournalTextsResealed;
import org.rekindle.journal.app.command.api.MessageSent;
import org.rekindle.journal.app.command.api.MoodCheckedIn;
import org.rekindle.journal.app.command.api.NoContactBroken;
import org.rekindle.journal.app.command.api.NoContactEnded;
import org.rekindle.journal.app.command.api.Participant;
import org.rekindle.journal.app.command.api.ReflectionCompleted;
import org.rekindle.journal.app.command.api.ResealCoachNote;
import org.rekindle.journal.app.command.api.ResealConversation;
import org.rekindle.journal.app.command.api.ResealJournalTexts;
import org.rekindle.journal.app.command.api.ResealedText;
import org.rekindle.journal.app.command.api.ResealedText.Kind;
import org.rekindle.journal.app.command.api.ReviseApology;
import org.rekindle.journal.app.command.api.UrgeRecorded;
import org.rekindle.journal.app.command.api.Channel;
import org.rekindle.journal.app.command.api.InitiatedBy;
import org.rekindle.journal.app.command.api.WriteCoachNote;
import org.rekindle.platform.command.ConflictingCommandException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Recording re-sealed texts: which texts an event holds, and what each aggregate takes (and refuses). */
class ResealTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
    private final VisibleCipher cipher = new VisibleCipher("");

    private <T> FixtureConfiguration<T> fixture(Class<T> aggregate) {
        FixtureConfiguration<T> fixture = new AggregateTestFixture<>(aggregate);
        fixture.registerInjectableResource(Clock.fixed(AT, ZoneOffset.UTC));
        fixture.registerInjectableResource(DefaultScreen.ENGLISH);
        fixture.registerInjectableResource(cipher);
        return fixture;
    }

    @Test
    void everySealedTextIsFoundAndTheNewestFormWins() {
        List<Object> events = List.of(
                new JournalOpened("sam", AT),
                new ReflectionCompleted("sam", "r1", "why", "s:reflection", AT),
                new ApologyDrafted("sam", "a1", "s:v1", 1, AT), new ApologyRevised("sam", "a1", "s:v2", 2, AT),
                new MoodCheckedIn("sam", "m1", 3, "s:mood", null, AT), new MoodCheckedIn("sam", "m2", 3, null, null, AT),
                new NoContactBroken("sam", "p1", "b1", Channel.CALL, InitiatedBy.EX, "s:breach", 2, AT),
                new UrgeRecorded("sam", "u1", true, "s:urge", AT),
                new NoContactEnded("sam", "p1", "s:reason", 3, AT),
                new JournalTextsResealed("sam", List.of(new ResealedText(Kind.APOLOGY_VERSION, "a1", 1, "t:v1")), AT),
                new org.rekindle.journal.app.command.api.SessionRescheduled("leo", "s1", "sam", Participant.CLIENT, AT,
                                                                            AT, AT, "UTC", 1, "s:moved", AT),
                new org.rekindle.journal.app.command.api.SessionCancelled("leo", "s1", "sam", Participant.COACH, AT,
                                                                          AT, "UTC", 2, "s:cancelled", AT),
                new org.rekindle.journal.app.command.api.SessionOutcomeRecorded(
                        "leo", "s2", "sam", org.rekindle.journal.app.command.api.SessionOutcome.ATTENDED, AT, AT,
                        "UTC", "s:notes", AT),
                new org.rekindle.journal.app.command.api.SessionCancelled("leo", "s9", "kim", Participant.COACH, AT,
                                                                          AT, "UTC", 1, "s:kim's reason", AT));
        assertThat(SealedTexts.newest(events, "sam")).as("the client's texts only").containsExactly(
                new ResealedText(Kind.REFLECTION, "r1", 0, "s:reflection"),
                new ResealedText(Kind.APOLOGY_VERSION, "a1", 1, "t:v1"),
                new ResealedText(Kind.APOLOGY_VERSION, "a1", 2, "s:v2"),
                new ResealedText(Kind.MOOD_NOTE, "m1", 0, "s:mood"),
                new ResealedText(Kind.BREACH_NOTE, "b1", 0, "s:breach"),
                new ResealedText(Kind.URGE_NOTE, "u1", 0, "s:urge"),
                new ResealedText(Kind.NO_CONTACT_END_REASON, "p1", 0, "s:reason"),
                new ResealedText(Kind.SESSION_CHANGE_REASON, "s1", 1, "s:moved"),
                new ResealedText(Kind.SESSION_CHANGE_REASON, "s1", 2, "s:cancelled"),
                new ResealedText(Kind.SESSION_NOTES, "s2", 0, "s:notes"));
        assertThat(SealedTexts.in(new CoachNoteRevised("n", "sam", "leo", "s:note", 2, AT)))
                .containsExactly(new ResealedText(Kind.COACH_NOTE, "n", 2, "s:note"));
        assertThat(SealedTexts.in(new MessageSent("c", "sam", "leo", 4, Participant.CLIENT, "s:hi", AT)))
                .containsExactly(new ResealedText(Kind.MESSAGE, "c", 4, "s:hi"));
    }

    /** An event of a kind of text the re-seal does not know yet stops it, rather than leaving that text behind. */
    record SessionOutcomeNoted(String clientId, String note) {
    }

    @Test
    void anEventWithSealedTextOfAnUnknownKindStopsTheReseal() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SealedTexts.in(
                        new SessionOutcomeNoted("sam", "enc:v1:AAAA")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SessionOutcomeNoted.note");
        assertThat(SealedTexts.in(new SessionOutcomeNoted("sam", "plain"))).isEmpty();
        assertThat(SealedTexts.in(new org.rekindle.journal.app.command.api.PersonMarked(
                "sam", "p1", "enc:v1:label", List.of("enc:v1:name"), AT))).as("the person's key is not rotated")
                .isEmpty();
    }

    @Test
    void theJournalRecordsItsOwnTextsAndTheLatestApologyVersionIsTheNewForm() {
        ResealedText v2 = new ResealedText(Kind.APOLOGY_VERSION, "a1", 2, "new v2");
        ResealedText note = new ResealedText(Kind.COACH_NOTE, "n", 1, "not the journal's");
        fixture(Journal.class)
                .given(new JournalOpened("sam", AT), new ApologyDrafted("sam", "a1", "v1", 1, AT),
                       new ApologyRevised("sam", "a1", "v2", 2, AT))
                .when(new ResealJournalTexts("sam", List.of(v2, note), AT))
                .expectEvents(new JournalTextsResealed("sam", List.of(v2), AT));
        // the journal compares a revision with the re-sealed latest version ("new v2" opens as itself here)
        fixture(Journal.class)
                .given(new JournalOpened("sam", AT), new ApologyDrafted("sam", "a1", "v1", 1, AT),
                       new JournalTextsResealed("sam", List.of(new ResealedText(Kind.APOLOGY_VERSION, "a1", 1,
                                                                                "v1 again")), AT))
                .when(new ReviseApology("sam", "a1", "v1 again", AT))
                .expectException(ConflictingCommandException.class).expectNoEvents();
    }

    @Test
    void nothingToRecordIsNoEventAndAnErasedJournalTakesNone() {
        fixture(Journal.class).given(new JournalOpened("sam", AT))
                              .when(new ResealJournalTexts("sam", List.of(), AT)).expectNoEvents();
        fixture(Journal.class).given(new JournalOpened("sam", AT), new JournalErased("sam", AT))
                              .when(new ResealJournalTexts("sam", List.of(
                                      new ResealedText(Kind.REFLECTION, "r1", 0, "x")), AT))
                              .expectException(ConflictingCommandException.class).expectNoEvents();
    }

    @Test
    void aCoachNoteTakesItsCurrentRevisionOnly() {
        String note = "sam/coach-note/leo";
        ResealedText current = new ResealedText(Kind.COACH_NOTE, note, 2, "new 2");
        ResealedText older = new ResealedText(Kind.COACH_NOTE, note, 1, "new 1");
        fixture(CoachNote.class)
                .given(new CoachNoteWritten(note, "sam", "leo", "one", 1, AT),
                       new CoachNoteRevised(note, "sam", "leo", "two", 2, AT))
                .when(new ResealCoachNote(note, "sam", List.of(older, current), AT))
                .expectEvents(new JournalTextsResealed("sam", List.of(current), AT));
        fixture(CoachNote.class)
                .given(new CoachNoteWritten(note, "sam", "leo", "one", 1, AT),
                       new JournalTextsResealed("sam", List.of(new ResealedText(Kind.COACH_NOTE, note, 1, "same")),
                                                AT))
                .when(new WriteCoachNote(note, "sam", "leo", "same", AT))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aCoachsCalendarTakesSessionTextsOnly() {
        ResealedText notes = new ResealedText(Kind.SESSION_NOTES, "s2", 0, "new notes");
        fixture(CoachCalendar.class)
                .given(new org.rekindle.journal.app.command.api.WeeklyAvailabilitySet("leo", "UTC", 30, List.of(), AT))
                .when(new org.rekindle.journal.app.command.api.ResealCalendarTexts("leo", "sam", List.of(
                        notes, new ResealedText(Kind.REFLECTION, "r1", 0, "not the calendar's")), AT))
                .expectEvents(new JournalTextsResealed("sam", List.of(notes), AT));
    }

    @Test
    void aConversationTakesItsOwnMessagesOnly() {
        String id = "sam/conversation/leo";
        ResealedText first = new ResealedText(Kind.MESSAGE, id, 1, "new hi");
        fixture(Conversation.class)
                .given(new MessageSent(id, "sam", "leo", 1, Participant.CLIENT, "hi", AT))
                .when(new ResealConversation(id, "sam", List.of(first, new ResealedText(Kind.MESSAGE, id, 2, "x"),
                                                                 new ResealedText(Kind.MESSAGE, "other", 1, "y")), AT))
                .expectEvents(new JournalTextsResealed("sam", List.of(first), AT));
    }
}
