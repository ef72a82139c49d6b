package org.rekindle.journal.app.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.app.command.api.ErasePerson;
import org.rekindle.journal.app.command.api.JournalErased;
import org.rekindle.journal.app.command.api.JournalOpened;
import org.rekindle.journal.app.command.api.MarkPerson;
import org.rekindle.journal.app.command.api.PersonErased;
import org.rekindle.journal.app.command.api.PersonMarked;
import org.rekindle.journal.app.command.api.PersonRenamed;
import org.rekindle.journal.app.command.api.RenamePerson;
import org.rekindle.platform.command.ConflictingCommandException;
import org.rekindle.platform.command.InvalidCommandException;
import org.rekindle.platform.command.UnknownEntityException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Marking, renaming and erasing a person named in the client's texts: every command and every refusal. */
class MarkedPersonsTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
    private final VisibleCipher cipher = new VisibleCipher("");
    private FixtureConfiguration<Journal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Journal.class);
        fixture.registerInjectableResource(Clock.fixed(AT, ZoneOffset.UTC));
        fixture.registerInjectableResource(DefaultScreen.ENGLISH);
        fixture.registerInjectableResource(cipher);
    }

    private static PersonMarked marked(String personId, String label, String... names) {
        return new PersonMarked("sam", personId, "person:" + personId + ":" + label,
                                Arrays.stream(names).map(n -> "person:" + personId + ":" + n).toList(), AT);
    }

    @Test
    void markingKeepsThePersonsKeyAndSealsLabelAndNamesWithIt() {
        fixture.givenNoPriorActivity()
               .when(new MarkPerson("sam", "p1", " my ex ", List.of("Alex", " alex ", "Alex  Morgan"), AT))
               .expectEvents(new JournalOpened("sam", AT), marked("p1", "my ex", "Alex", "Alex Morgan"));
        assertThat(cipher.namesOf("sam", "p1")).containsExactly("Alex", "Alex Morgan");
    }

    @Test
    void markingRefusesBadLabelsAndNames() {
        refused(new MarkPerson("sam", "p1", " ", List.of("Alex"), AT), InvalidCommandException.class, "label");
        refused(new MarkPerson("sam", "p1", "x".repeat(61), List.of("Alex"), AT), InvalidCommandException.class,
                "label");
        refused(new MarkPerson("sam", "p1", "my ex", List.of(), AT), InvalidCommandException.class, "names");
        refused(new MarkPerson("sam", "p1", "my ex", null, AT), InvalidCommandException.class, "names");
        refused(new MarkPerson("sam", "p1", "my ex", List.of("Alex", ""), AT), InvalidCommandException.class,
                "names[1]");
        refused(new MarkPerson("sam", "p1", "my ex", List.of("n".repeat(61)), AT), InvalidCommandException.class,
                "names[0]");
        refused(new MarkPerson("sam", "p1", "my ex", List.of("'-'"), AT), InvalidCommandException.class, "names[0]");
        refused(new MarkPerson("sam", "p1", "my ex", IntStream.range(0, 11).mapToObj(i -> "n" + i).toList(), AT),
                InvalidCommandException.class, "names");
        refused(new MarkPerson("sam", " ", "my ex", List.of("Alex"), AT), InvalidCommandException.class, "personId");
        refused(new MarkPerson("sam", "p1", "my ex", List.of("Alex"), AT.plusSeconds(3600)),
                InvalidCommandException.class, "occurredAt");
    }

    @Test
    void aPersonIdIsMarkedOnceAndThereIsALimit() {
        fixture.given(new JournalOpened("sam", AT), marked("p1", "my ex", "Alex"))
               .when(new MarkPerson("sam", "p1", "friend", List.of("Jo"), AT))
               .expectException(ConflictingCommandException.class).expectNoEvents();
        Object[] fifty = IntStream.range(0, 50).mapToObj(i -> marked("p" + i, "l", "n" + i)).toArray();
        fixture.given(prepend(new JournalOpened("sam", AT), fifty))
               .when(new MarkPerson("sam", "p50", "one more", List.of("Kim"), AT))
               .expectException(ConflictingCommandException.class).expectNoEvents();
    }

    @Test
    void renamingReplacesLabelAndNames() {
        cipher.keepPerson("sam", "p1", List.of("Alex"));
        fixture.given(new JournalOpened("sam", AT), marked("p1", "my ex", "Alex"))
               .when(new RenamePerson("sam", "p1", "Alex", List.of("Alex", "Lexi"), AT))
               .expectEvents(new PersonRenamed("sam", "p1", "person:p1:Alex",
                                               List.of("person:p1:Alex", "person:p1:Lexi"), AT));
        assertThat(cipher.namesOf("sam", "p1")).containsExactly("Alex", "Lexi");
    }

    @Test
    void renamingRefusesUnknownErasedAndBadInput() {
        fixture.given(new JournalOpened("sam", AT))
               .when(new RenamePerson("sam", "p9", "x", List.of("Jo"), AT))
               .expectException(UnknownEntityException.class).expectNoEvents();
        fixture.given(new JournalOpened("sam", AT), marked("p1", "my ex", "Alex"), new PersonErased("sam", "p1", AT))
               .when(new RenamePerson("sam", "p1", "x", List.of("Jo"), AT))
               .expectException(ConflictingCommandException.class).expectNoEvents();
        fixture.given(new JournalOpened("sam", AT), marked("p1", "my ex", "Alex"))
               .when(new RenamePerson("sam", "p1", "my ex", List.of(" "), AT))
               .expectException(InvalidCommandException.class).expectNoEvents();
    }

    @Test
    void erasingDeletesThePersonsKeyOnceAndForAll() {
        cipher.keepPerson("sam", "p1", List.of("Alex"));
        fixture.given(new JournalOpened("sam", AT), marked("p1", "my ex", "Alex"))
               .when(new ErasePerson("sam", "p1", AT))
               .expectEvents(new PersonErased("sam", "p1", AT));
        assertThat(cipher.isPersonErased("sam", "p1")).isTrue();
        assertThat(cipher.openForPerson("sam", "p1", "person:p1:Alex")).isEqualTo(TextCipher.PERSON_REMOVED);

        fixture.given(new JournalOpened("sam", AT), marked("p1", "my ex", "Alex"), new PersonErased("sam", "p1", AT))
               .when(new ErasePerson("sam", "p1", AT)).expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(new JournalOpened("sam", AT))
               .when(new ErasePerson("sam", "p1", AT))
               .expectException(UnknownEntityException.class).expectNoEvents();
        fixture.given(new JournalOpened("sam", AT), marked("p1", "my ex", "Alex"), new JournalErased("sam", AT))
               .when(new ErasePerson("sam", "p1", AT))
               .expectException(ConflictingCommandException.class).expectNoEvents();
    }

    private void refused(Object command, Class<? extends Exception> type, String field) {
        fixture.given(new JournalOpened("sam", AT)).when(command).expectException(type)
               .expectExceptionMessage(org.hamcrest.Matchers.startsWith(field + " "))
               .expectNoEvents();
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
