package org.rekindle.platform.asyncapi;

import org.junit.jupiter.api.Test;
import org.rekindle.platform.asyncapi.sample.SampleEventTypes;
import org.rekindle.platform.asyncapi.sample.SampleTopic;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventCatalogueTest {

    @Test
    void listsEachTopicAndTypeWithItsKeyFieldsAndExample() {
        EventContract sample = EventContract.load("sample-service", SampleEventTypes.class.getName(),
                                                  SampleTopic.class.getName(), getClass().getClassLoader());
        String catalogue = EventCatalogue.render(
                List.of(AsyncApiDocument.of(sample, new JavadocDescriptions(List.of(Path.of("src/test/java"))))),
                "the command");

        assertThat(catalogue)
                .contains("change the contract, then run\n`the command`")
                .contains("| `rekindle.sample.v1` | sample-service | `clientId` | 2 |")
                .contains("## rekindle.sample.v1")
                .contains("### SessionBooked.v1\n\nCloudEvents type `rekindle.sample.SessionBooked.v1` · version 1 · "
                          + "Kafka key `clientId`")
                .contains("The client booked a session on slots; see Slot.")
                .contains("| `slots` | list of object Slot | yes |")
                .contains("| `slots[].mode` | string, one of VIDEO, IN_PERSON | yes |")
                .contains("- `slots[]` (Slot): A bookable slot: the day and the minutes it lasts.")
                .contains("| `topics` | set of string | yes |")
                .contains("| `price` | number | no, left out when it has no value |")
                .contains("| `bookedAt` | string (date-time) | yes |")
                .contains("\"minutes\" : 50")
                .contains("### SessionCancelled.v1");
    }
}
