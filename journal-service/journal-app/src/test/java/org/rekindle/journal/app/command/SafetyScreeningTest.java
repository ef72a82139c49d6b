package org.rekindle.journal.app.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.app.command.api.ApologyDrafted;
import org.rekindle.journal.app.command.api.ApologyRevised;
import org.rekindle.journal.app.command.api.Channel;
import org.rekindle.journal.app.command.api.CompleteReflection;
import org.rekindle.journal.app.command.api.DraftApology;
import org.rekindle.journal.app.command.api.EndNoContactPeriod;
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
import org.rekindle.journal.app.command.api.SafetyConcernRaised;
import org.rekindle.journal.app.command.api.ScreenedField;
import org.rekindle.journal.app.command.api.UrgeRecorded;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Every free text a client writes is screened before it is sealed: a risk phrase records {@link SafetyConcernRaised}
 * (no text in it) after the record, which is stored unchanged; a text without one, or a negated one, records
 * nothing more. The sealed form is visible ({@code sealed:}) to show the record still holds the whole text.
 */
class SafetyScreeningTest {

    private static final String CLIENT = "client-1";
    private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
    private static final Instant WRITTEN = NOW.minus(1, ChronoUnit.HOURS);
    private static final Instant STARTED = NOW.minus(10, ChronoUnit.DAYS);
    private static final String RISKY = "I keep thinking I want to kill myself";

    private FixtureConfiguration<Journal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Journal.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new VisibleCipher("sealed:"));
        fixture.registerInjectableResource(DefaultScreen.ENGLISH);
    }

    private static SafetyConcernRaised raised(String entryId, ScreenedField field, String riskClass) {
        return new SafetyConcernRaised(CLIENT, entryId, field, riskClass, "en", 1, WRITTEN, NOW);
    }

    private static JournalOpened opened() {
        return new JournalOpened(CLIENT, STARTED);
    }

    private static NoContactStarted started() {
        return new NoContactStarted(CLIENT, "p1", 30, STARTED);
    }

    @Test
    void aReflection() {
        fixture.given(opened()).when(new CompleteReflection(CLIENT, "e1", "why", RISKY, WRITTEN))
               .expectEvents(new ReflectionCompleted(CLIENT, "e1", "why", "sealed:" + RISKY, WRITTEN),
                             raised("e1", ScreenedField.REFLECTION_TEXT, "SUICIDAL_IDEATION"));
    }

    @Test
    void aFirstReflectionOpensTheJournalAndIsScreened() {
        fixture.givenNoPriorActivity().when(new CompleteReflection(CLIENT, "e1", "why", RISKY, WRITTEN))
               .expectEvents(new JournalOpened(CLIENT, WRITTEN),
                             new ReflectionCompleted(CLIENT, "e1", "why", "sealed:" + RISKY, WRITTEN),
                             raised("e1", ScreenedField.REFLECTION_TEXT, "SUICIDAL_IDEATION"));
    }

    @Test
    void anApologyDraftAndItsRevision() {
        String text = "Sorry. Without you I'd be better off dead";
        fixture.given(opened()).when(new DraftApology(CLIENT, "a1", text, WRITTEN))
               .expectEvents(new ApologyDrafted(CLIENT, "a1", "sealed:" + text, 1, WRITTEN),
                             raised("a1", ScreenedField.APOLOGY_TEXT, "SUICIDAL_IDEATION"));
        fixture.given(opened(), new ApologyDrafted(CLIENT, "a1", "sealed:I am sorry", 1, STARTED))
               .when(new ReviseApology(CLIENT, "a1", "I want to make him pay", WRITTEN))
               .expectEvents(new ApologyRevised(CLIENT, "a1", "sealed:I want to make him pay", 2, WRITTEN),
                             raised("a1", ScreenedField.APOLOGY_TEXT, "HARM_TO_OTHERS"));
    }

    @Test
    void aMoodNote() {
        fixture.given(opened()).when(new RecordMoodCheckIn(CLIENT, "m1", 1, "cut myself again", 3.0, WRITTEN))
               .expectEvents(new MoodCheckedIn(CLIENT, "m1", 1, "sealed:cut myself again", 3.0, WRITTEN),
                             raised("m1", ScreenedField.MOOD_NOTE, "SELF_HARM"));
    }

    @Test
    void anUrgeNote() {
        fixture.given(opened()).when(new RecordUrge(CLIENT, "u1", false, "I want to die", WRITTEN))
               .expectEvents(new UrgeRecorded(CLIENT, "u1", false, "sealed:I want to die", WRITTEN),
                             raised("u1", ScreenedField.URGE_NOTE, "SUICIDAL_IDEATION"));
    }

    @Test
    void aBreachNote() {
        fixture.given(opened(), started())
               .when(new RecordBreach(CLIENT, "b1", Channel.CALL, InitiatedBy.CLIENT, "I told her I'd kill her",
                                      WRITTEN))
               .expectEvents(new NoContactBroken(CLIENT, "p1", "b1", Channel.CALL, InitiatedBy.CLIENT,
                                                 "sealed:I told her I'd kill her", 9, WRITTEN),
                             raised("b1", ScreenedField.BREACH_NOTE, "HARM_TO_OTHERS"));
    }

    @Test
    void aNoContactEndReason() {
        fixture.given(opened(), started())
               .when(new EndNoContactPeriod(CLIENT, "p1", "no reason to live now", WRITTEN))
               .expectEvents(new NoContactEnded(CLIENT, "p1", "sealed:no reason to live now", 9, WRITTEN),
                             raised("p1", ScreenedField.NO_CONTACT_END_REASON, "SUICIDAL_IDEATION"));
    }

    @Test
    void aNegatedOrHarmlessTextRaisesNothing() {
        fixture.given(opened()).when(new CompleteReflection(CLIENT, "e1", "why", "I would never hurt myself", WRITTEN))
               .expectEvents(new ReflectionCompleted(CLIENT, "e1", "why", "sealed:I would never hurt myself",
                                                     WRITTEN));
        fixture.given(opened()).when(new RecordMoodCheckIn(CLIENT, "m1", 2, null, null, WRITTEN))
               .expectEvents(new MoodCheckedIn(CLIENT, "m1", 2, null, null, WRITTEN));
    }

    @Test
    void aRefusedCommandRaisesNothing() {
        fixture.given(opened()).when(new CompleteReflection(CLIENT, "e1", " ", RISKY, WRITTEN))
               .expectException(org.rekindle.platform.command.InvalidCommandException.class).expectNoEvents();
    }
}
