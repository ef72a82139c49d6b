package org.rekindle.platform.testing;

import org.rekindle.platform.publishing.CloudEvent;
import org.rekindle.platform.publishing.CloudEventJson;
import org.rekindle.platform.publishing.IntegrationEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden-JSON checks of a published integration event: the CloudEvent the producer writes must equal the golden file
 * shipped in its {@code *-events} module, and the golden file must read back into the same record. With
 * {@code -Drekindle.golden.write=true} the files are (re)written first: review that diff, it is a contract change.
 */
public final class GoldenJson {

    public static final Instant TIME = Instant.parse("2026-11-02T08:15:30Z");

    private GoldenJson() {
    }

    /**
     * @param eventsModule e.g. {@code journal-events} (a sibling of the app module running the test)
     * @param typePrefix   e.g. {@code rekindle.journal.}; the file is named after the rest of the type
     */
    public static void assertMatches(IntegrationEvent event, String eventId, String source, String eventsModule,
                                     String typePrefix, Class<? extends Record> dataType) {
        String json = CloudEventJson.write(CloudEvent.of(eventId, source, event.type(), event.subject(), TIME,
                                                         event.data()));
        String file = event.type().substring(typePrefix.length()) + ".json";
        try {
            if (Boolean.getBoolean("rekindle.golden.write")) {
                Path dir = Path.of("../" + eventsModule + "/src/main/resources/golden");
                Files.createDirectories(dir);
                Files.writeString(dir.resolve(file), CloudEventJson.readTree(json).toPrettyString() + "\n");
            }
            String golden = read(file, eventsModule);
            assertThat(CloudEventJson.readTree(json)).isEqualTo(CloudEventJson.readTree(golden));
            assertThat(CloudEventJson.readData(golden, dataType)).isEqualTo(event.data());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String file, String eventsModule) throws IOException {
        try (InputStream in = GoldenJson.class.getResourceAsStream("/golden/" + file)) {
            assertThat(in).as("golden file " + file + " in " + eventsModule).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
