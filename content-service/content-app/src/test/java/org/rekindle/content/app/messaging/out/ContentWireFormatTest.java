package org.rekindle.content.app.messaging.out;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rekindle.content.app.command.api.Phase;
import org.rekindle.content.app.command.api.ProgramRetired;
import org.rekindle.content.app.command.api.ProgramVersionPublished;
import org.rekindle.content.app.command.api.RiskListRevised;
import org.rekindle.content.app.command.api.RiskPhraseEntry;
import org.rekindle.content.app.command.api.Step;
import org.rekindle.content.app.command.api.StepKind;
import org.rekindle.content.events.ContentEventTypes;
import org.rekindle.platform.publishing.IntegrationEvent;
import org.rekindle.platform.testing.GoldenJson;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Pins the wire format of every published type to the golden JSON shipped in content-events. Regenerate with
 * {@code -Drekindle.golden.write=true} and review the diff: a change here is a contract change.
 */
class ContentWireFormatTest {

    private static final Instant AT = Instant.parse("2026-11-02T08:15:30Z");
    private static final String EVENT_ID = "5a0d4d1e-0a57-4f83-8f0e-6f1b1c2d3e4f";

    static Stream<Arguments> publishedEvents() {
        List<Phase> phases = List.of(new Phase("no-contact", "No contact", List.of(
                new Step("no-contact-30", StepKind.NO_CONTACT_PERIOD, "Thirty days apart", "Give both of you room.",
                         7, 30, null, 30, null),
                new Step("own-your-part", StepKind.REFLECTION_PROMPT, "Your part", "Name your patterns.", 10, 3,
                         "own-your-part", null, null))));
        return Stream.of(Arguments.of(new ProgramVersionPublished("reconciliation-default", 2, "Rekindle",
                                                                  "Nine stages", phases, AT)),
                         Arguments.of(new ProgramRetired("reconciliation-default", AT)),
                         Arguments.of(new RiskListRevised("risk-list-en", "en", 2, List.of(
                                 new RiskPhraseEntry("kill* myself", "SUICIDAL_IDEATION"),
                                 new RiskPhraseEntry("no way out", "SUICIDAL_IDEATION")), "coach-maya", AT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedEvents")
    void wireFormatMatchesTheGoldenJson(Record domainEvent) {
        IntegrationEvent event = ContentIntegrationEvents.from(domainEvent).orElseThrow();
        GoldenJson.assertMatches(event, EVENT_ID, "/rekindle/content-service", "content-events", "rekindle.content.",
                                 ContentEventTypes.all().get(event.type()));
    }
}
