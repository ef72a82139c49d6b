package org.rekindle.content.app.messaging.out;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rekindle.content.app.command.api.Phase;
import org.rekindle.content.app.command.api.ProgramRetired;
import org.rekindle.content.app.command.api.ProgramVersionPublished;
import org.rekindle.content.app.command.api.Step;
import org.rekindle.content.app.command.api.StepKind;
import org.rekindle.content.events.ContentEventTypes;
import org.rekindle.platform.publishing.CloudEvent;
import org.rekindle.platform.publishing.CloudEventJson;
import org.rekindle.platform.publishing.IntegrationEvent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

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
                         Arguments.of(new ProgramRetired("reconciliation-default", AT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedEvents")
    void wireFormatMatchesTheGoldenJson(Record domainEvent) throws IOException {
        IntegrationEvent event = ContentIntegrationEvents.from(domainEvent).orElseThrow();
        String json = CloudEventJson.write(CloudEvent.of(EVENT_ID, "/rekindle/content-service", event.type(),
                                                         event.subject(), AT, event.data()));
        String file = event.type().substring("rekindle.content.".length()) + ".json";
        if (Boolean.getBoolean("rekindle.golden.write")) {
            Path dir = Path.of("../content-events/src/main/resources/golden");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(file), CloudEventJson.readTree(json).toPrettyString() + "\n");
        }
        assertThat(CloudEventJson.readTree(json)).isEqualTo(CloudEventJson.readTree(golden(file)));
        assertThat(CloudEventJson.readData(golden(file), ContentEventTypes.all().get(event.type())))
                .isEqualTo(event.data());
    }

    private static String golden(String file) throws IOException {
        try (InputStream in = ContentWireFormatTest.class.getResourceAsStream("/golden/" + file)) {
            assertThat(in).as("golden file " + file + " in content-events").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
