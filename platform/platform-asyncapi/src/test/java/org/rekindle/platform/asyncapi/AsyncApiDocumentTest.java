package org.rekindle.platform.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rekindle.platform.asyncapi.sample.SampleEventTypes;
import org.rekindle.platform.asyncapi.sample.SampleTopic;
import org.rekindle.platform.asyncapi.sample.SessionCancelled;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated document describes the contract exactly, and the checks catch each way it can be wrong. */
class AsyncApiDocumentTest {

    private static final EventContract SAMPLE = EventContract.load(
            "sample-service", SampleEventTypes.class.getName(), SampleTopic.class.getName(),
            AsyncApiDocumentTest.class.getClassLoader());
    private static final JavadocDescriptions JAVADOC = new JavadocDescriptions(List.of(Path.of("src/test/java")));

    private static ObjectNode document() {
        return AsyncApiDocument.of(SAMPLE, JAVADOC);
    }

    @Test
    void theDocumentOfAContractIsValidAsyncApiWithEveryTypeAndItsGoldenExample() {
        ObjectNode document = document();

        assertThat(AsyncApiChecks.problems(document, SAMPLE)).isEmpty();
        assertThat(document.path("channels").path("rekindle.sample.v1").path("address").asText())
                .isEqualTo("rekindle.sample.v1");
        JsonNode booked = document.at("/components/messages/SessionBooked.v1");
        assertThat(booked.path("x-cloudevents-type").asText()).isEqualTo("rekindle.sample.SessionBooked.v1");
        assertThat(booked.path("description").asText())
                .isEqualTo("The client booked a session on slots; see Slot. Type rekindle.sample.SessionBooked.v1 on "
                           + "topic rekindle.sample.v1.");
        assertThat(booked.at("/bindings/kafka/key/type").asText()).isEqualTo("string");
        assertThat(booked.at("/examples/0/payload/data/clientId").asText()).isEqualTo("client-golden");
    }

    @Test
    void theSchemaFollowsTheRecordComponents() {
        JsonNode data = document().at("/components/messages/SessionBooked.v1/payload/properties/data");

        assertThat(data.path("required")).extracting(JsonNode::asText)
                .containsExactly("clientId", "slots", "topics", "firstSession", "bookedAt");
        assertThat(data.at("/properties/price/type").asText()).isEqualTo("number");
        assertThat(data.at("/properties/firstSession/type").asText()).isEqualTo("boolean");
        assertThat(data.at("/properties/bookedAt/format").asText()).isEqualTo("date-time");
        assertThat(data.at("/properties/topics/uniqueItems").asBoolean()).isTrue();
        JsonNode slot = data.at("/properties/slots/items");
        assertThat(slot.at("/properties/day/format").asText()).isEqualTo("date");
        assertThat(slot.at("/properties/minutes/type").asText()).isEqualTo("integer");
        assertThat(slot.at("/properties/mode/enum")).extracting(JsonNode::asText).containsExactly("VIDEO", "IN_PERSON");
        assertThat(slot.path("description").asText()).isEqualTo("A bookable slot: the day and the minutes it lasts.");
        assertThat(data.path("additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void aPublishedTypeMissingFromTheDocumentIsAProblem() {
        ObjectNode document = document();
        ((ObjectNode) document.at("/components/messages")).remove("SessionCancelled.v1");

        assertThat(AsyncApiChecks.problems(document, SAMPLE))
                .anyMatch(problem -> problem.startsWith("published type rekindle.sample.SessionCancelled.v1"));
    }

    @Test
    void aMessageForNoPublishedTypeIsAProblem() {
        ObjectNode document = document();
        ObjectNode messages = (ObjectNode) document.at("/components/messages");
        messages.set("SessionMoved.v1", messages.path("SessionCancelled.v1").deepCopy());

        assertThat(AsyncApiChecks.problems(document, SAMPLE))
                .contains("message SessionMoved.v1 is not a published type of sample-service");
    }

    @Test
    void anExampleThatDoesNotMatchItsSchemaIsAProblem() {
        ObjectNode document = document();
        ObjectNode data = (ObjectNode) document.at("/components/messages/SessionBooked.v1/examples/0/payload/data");
        data.put("bookedAt", "last tuesday");
        ((ObjectNode) data.at("/slots/0")).put("minutes", "fifty");
        data.remove("clientId");

        List<String> problems = AsyncApiChecks.problems(document, SAMPLE);

        assertThat(problems).anyMatch(problem -> problem.contains("does not match the payload schema")
                                                 && problem.contains("bookedAt"));
        assertThat(problems).anyMatch(problem -> problem.contains("does not match the payload schema")
                                                 && problem.contains("minutes"));
        assertThat(problems).anyMatch(problem -> problem.contains("does not match the payload schema")
                                                 && problem.contains("clientId"));
        assertThat(problems).contains("SessionBooked.v1: example is not the golden JSON golden/SessionBooked.v1.json");
    }

    @Test
    void anExampleKeyedByAnotherFieldIsAProblem() {
        ObjectNode document = document();
        ((ObjectNode) document.at("/components/messages/SessionCancelled.v1/examples/0/payload"))
                .put("subject", "someone-else");

        assertThat(AsyncApiChecks.problems(document, SAMPLE))
                .contains("SessionCancelled.v1: example's subject is not its data.clientId (the Kafka key)");
    }

    @Test
    void aDocumentThatIsNotAsyncApi3IsAProblem() {
        ObjectNode document = document();
        ((ObjectNode) document.at("/operations/publish")).put("action", "publish");
        document.remove("info");

        assertThat(AsyncApiChecks.problems(document, SAMPLE))
                .anyMatch(problem -> problem.startsWith("not AsyncAPI 3.0.0") && problem.contains("info"))
                .anyMatch(problem -> problem.startsWith("not AsyncAPI 3.0.0") && problem.contains("action"));
    }

    @Test
    void aPublishedRecordIsCheckedAgainstItsTypesMessage() {
        ObjectNode document = document();
        String golden = SAMPLE.golden("rekindle.sample.SessionBooked.v1").orElseThrow();

        assertThat(AsyncApiChecks.recordProblems(document, "client-golden", golden)).isEmpty();
        assertThat(AsyncApiChecks.recordProblems(document, "client-other", golden))
                .containsExactly("rekindle.sample.SessionBooked.v1 0b6f7c1e-3d7a-4d8e-9a59-2f1f8e0c4a11 is keyed by "
                                 + "client-other, not its clientId");
        assertThat(AsyncApiChecks.recordProblems(document, "client-golden",
                                                 golden.replace("\"firstSession\" : true", "\"firstSession\" : 1")))
                .singleElement().asString().contains("firstSession");
        assertThat(AsyncApiChecks.recordProblems(document, "client-golden",
                                                 golden.replace("SessionBooked.v1", "SessionMoved.v1")))
                .containsExactly("the document has no message for type rekindle.sample.SessionMoved.v1 "
                                 + "(0b6f7c1e-3d7a-4d8e-9a59-2f1f8e0c4a11)");
    }

    @Test
    void aTypeWithoutAGoldenExampleCannotBeDocumented() {
        EventContract noExample = new EventContract("sample-service", SampleTopic.NAME, SampleTopic.KEY,
                                                    Map.of("rekindle.sample.SessionMoved.v1", SessionCancelled.class),
                                                    getClass().getClassLoader());

        assertThatThrownBy(() -> AsyncApiDocument.of(noExample, JAVADOC))
                .hasMessageContaining("no golden example golden/SessionMoved.v1.json");
    }

    @Test
    void theBuildStepWritesTheDocumentFromTheProjectClasspath(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("asyncapi/sample-service.json");

        GenerateAsyncApi.main(new String[]{"sample-service", SampleEventTypes.class.getName(),
                                           SampleTopic.class.getName(), output.toString(), "src/test/java"});

        JsonNode written = AsyncApiDocument.read(Files.readString(output));
        assertThat(written).isEqualTo(document());
    }
}
