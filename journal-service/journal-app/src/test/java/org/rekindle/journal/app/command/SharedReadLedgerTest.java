package org.rekindle.journal.app.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.app.command.api.EntryShared;
import org.rekindle.journal.app.command.api.EntryUnshared;
import org.rekindle.journal.app.command.api.JournalOpened;
import org.rekindle.journal.app.command.api.RecordSharedRead;
import org.rekindle.journal.app.command.api.ReflectionCompleted;
import org.rekindle.journal.app.command.api.SharedEntriesRead;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The access ledger: a read is recorded for the entries that are shared at the time, and only for those. */
class SharedReadLedgerTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
    private FixtureConfiguration<Journal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Journal.class);
        fixture.registerInjectableResource(Clock.fixed(AT, ZoneOffset.UTC));
        fixture.registerInjectableResource(DefaultScreen.ENGLISH);
        fixture.registerInjectableResource(new VisibleCipher(""));
    }

    @Test
    void aReadOfSharedEntriesIsRecordedWithTheReaderAndOnlyTheSharedOnes() {
        fixture.given(new JournalOpened("sam", AT), new ReflectionCompleted("sam", "e1", "p", "t", AT),
                      new ReflectionCompleted("sam", "e2", "p", "t", AT), new EntryShared("sam", "e1", AT),
                      new EntryShared("sam", "e2", AT), new EntryUnshared("sam", "e2", AT))
               .when(new RecordSharedRead("sam", "coach-maya", List.of("e1", "e2", "nope"), AT))
               .expectEvents(new SharedEntriesRead("sam", "coach-maya", List.of("e1"), AT));
    }

    @Test
    void nothingSharedNothingRecorded() {
        fixture.given(new JournalOpened("sam", AT), new ReflectionCompleted("sam", "e1", "p", "t", AT))
               .when(new RecordSharedRead("sam", "coach-maya", List.of("e1"), AT))
               .expectSuccessfulHandlerExecution().expectNoEvents();
    }
}
