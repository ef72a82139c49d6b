package org.rekindle.journal.app.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.app.command.api.ApologyDrafted;
import org.rekindle.journal.app.command.api.ApologyRevised;
import org.rekindle.journal.app.command.api.CompleteReflection;
import org.rekindle.journal.app.command.api.DraftApology;
import org.rekindle.journal.app.command.api.EraseJournal;
import org.rekindle.journal.app.command.api.JournalErased;
import org.rekindle.journal.app.command.api.ChangeConsent;
import org.rekindle.journal.app.command.api.CoachView;
import org.rekindle.journal.app.command.api.ConsentChanged;
import org.rekindle.journal.app.command.api.JournalOpened;
import org.rekindle.journal.app.command.api.MoodCheckedIn;
import org.rekindle.journal.app.command.api.RecordMoodCheckIn;
import org.rekindle.journal.app.command.api.ReflectionCompleted;
import org.rekindle.journal.app.command.api.ReviseApology;
import org.rekindle.journal.app.command.api.ShareEntry;
import org.rekindle.platform.command.ConflictingCommandException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text a client writes is sealed before it becomes an event; an erased journal takes nothing more. */
class CryptoShreddingTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
    private final VisibleCipher cipher = new VisibleCipher("sealed:");
    private FixtureConfiguration<Journal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Journal.class);
        fixture.registerInjectableResource(Clock.fixed(AT, ZoneOffset.UTC));
        fixture.registerInjectableResource(DefaultScreen.ENGLISH);
        fixture.registerInjectableResource(cipher);
    }

    @Test
    void textsAreSealedBeforeTheyAreEvents() {
        fixture.given(new JournalOpened("sam", AT))
               .when(new CompleteReflection("sam", "e1", "why", "I stopped listening", AT))
               .expectEvents(new ReflectionCompleted("sam", "e1", "why", "sealed:I stopped listening", AT));
        fixture.given(new JournalOpened("sam", AT))
               .when(new RecordMoodCheckIn("sam", "m1", 2, "rough night", null, AT))
               .expectEvents(new MoodCheckedIn("sam", "m1", 2, "sealed:rough night", null, AT));
        fixture.given(new JournalOpened("sam", AT), new ApologyDrafted("sam", "a1", "sealed:I am sorry", 1, AT))
               .when(new ReviseApology("sam", "a1", "I am sorry for how I spoke", AT))
               .expectEvents(new ApologyRevised("sam", "a1", "sealed:I am sorry for how I spoke", 2, AT));
        fixture.given(new JournalOpened("sam", AT), new ApologyDrafted("sam", "a1", "sealed:I am sorry", 1, AT))
               .when(new ReviseApology("sam", "a1", "I am sorry", AT))
               .expectException(ConflictingCommandException.class).expectNoEvents();
    }

    @Test
    void erasingDeletesTheKeyAndAnErasedJournalRefusesEverything() {
        fixture.given(new JournalOpened("sam", AT), new ApologyDrafted("sam", "a1", "sealed:sorry", 1, AT))
               .when(new EraseJournal("sam", AT)).expectEvents(new JournalErased("sam", AT));
        assertThat(cipher.isErased("sam")).isTrue();

        fixture.given(new JournalOpened("sam", AT), new JournalErased("sam", AT))
               .when(new DraftApology("sam", "a2", "one more", AT))
               .expectException(ConflictingCommandException.class).expectNoEvents();
        fixture.given(new JournalOpened("sam", AT), new ApologyDrafted("sam", "a1", "sealed:sorry", 1, AT),
                      new JournalErased("sam", AT))
               .when(new ShareEntry("sam", "a1", AT))
               .expectException(ConflictingCommandException.class).expectNoEvents();
    }

    @Test
    void anErasedJournalStillTakesTheClientsConsent() {
        fixture.given(new JournalOpened("sam", AT), new ConsentChanged("sam", Set.of(CoachView.STREAK), AT),
                      new JournalErased("sam", AT))
               .when(new ChangeConsent("sam", Set.of(), AT))
               .expectEvents(new ConsentChanged("sam", Set.of(), AT));
    }
}
