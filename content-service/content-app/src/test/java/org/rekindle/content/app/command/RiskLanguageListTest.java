package org.rekindle.content.app.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekindle.content.app.command.api.ReviseRiskList;
import org.rekindle.content.app.command.api.RiskListRevised;
import org.rekindle.content.app.command.api.RiskPhraseEntry;
import org.rekindle.platform.command.InvalidCommandException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Revising a risk-language list: each revision a new version naming who made it; bad lists refused, naming why. */
class RiskLanguageListTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");
    private static final String EN = "risk-list-en";
    private static final List<RiskPhraseEntry> FIRST = List.of(new RiskPhraseEntry("kill* myself", "SUICIDAL_IDEATION"));
    private static final List<RiskPhraseEntry> SECOND = List.of(
            new RiskPhraseEntry("kill* myself", "SUICIDAL_IDEATION"), new RiskPhraseEntry("no way out", "SUICIDAL_IDEATION"));

    private FixtureConfiguration<RiskLanguageList> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RiskLanguageList.class);
    }

    private static ReviseRiskList revise(List<RiskPhraseEntry> phrases) {
        return new ReviseRiskList(EN, "en", phrases, "coach-maya", AT);
    }

    @Test
    void theFirstListIsVersionOne() {
        fixture.givenNoPriorActivity().when(new ReviseRiskList(EN, "en", FIRST, "rekindle-default", AT))
               .expectEvents(new RiskListRevised(EN, "en", 1, FIRST, "rekindle-default", AT)).expectResultMessagePayload(1);
    }

    @Test
    void aRevisionIsTheNextVersionAndNamesWhoMadeIt() {
        fixture.given(new RiskListRevised(EN, "en", 1, FIRST, "rekindle-default", AT)).when(revise(SECOND))
               .expectEvents(new RiskListRevised(EN, "en", 2, SECOND, "coach-maya", AT)).expectResultMessagePayload(2);
    }

    @Test
    void theSameListAgainChangesNothing() {
        fixture.given(new RiskListRevised(EN, "en", 1, FIRST, "rekindle-default", AT)).when(revise(FIRST))
               .expectNoEvents().expectResultMessagePayload(1);
    }

    @Test
    void badListsAreRefusedNamingTheField() {
        refused(revise(List.of()), "phrases");
        refused(revise(null), "phrases");
        refused(revise(Arrays.asList(FIRST.get(0), null)), "phrases[1]");
        refused(revise(List.of(new RiskPhraseEntry(".. die", "SELF_HARM"))), "phrases[0].phrase");
        refused(revise(List.of(FIRST.get(0), new RiskPhraseEntry("hurt* myself", "SADNESS"))), "phrases[1].riskClass");
        refused(revise(List.of(FIRST.get(0), new RiskPhraseEntry("KILL* Myself", "SELF_HARM"))), "phrases[1].phrase");
        refused(new ReviseRiskList(EN, "fr", FIRST, "coach-maya", AT), "language");
        List<RiskPhraseEntry> tooMany = new ArrayList<>();
        for (int i = 0; i < RiskLanguageList.MAX_PHRASES + 1; i++) {
            tooMany.add(new RiskPhraseEntry("word" + i, "SELF_HARM"));
        }
        refused(revise(tooMany), "phrases");
    }

    @Test
    void aLanguageIsALowerCaseCode() {
        fixture.givenNoPriorActivity().when(new ReviseRiskList("risk-list-EN", "EN", FIRST, "coach-maya", AT))
               .expectException(InvalidCommandException.class)
               .expectExceptionMessage(org.hamcrest.Matchers.startsWith("language ")).expectNoEvents();
    }

    private void refused(ReviseRiskList command, String field) {
        fixture.given(new RiskListRevised(EN, "en", 1, FIRST, "rekindle-default", AT)).when(command)
               .expectException(InvalidCommandException.class)
               .expectExceptionMessage(org.hamcrest.Matchers.startsWith(field + " "))
               .expectNoEvents();
    }
}
