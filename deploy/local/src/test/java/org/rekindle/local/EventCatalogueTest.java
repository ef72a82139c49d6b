package org.rekindle.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.rekindle.platform.asyncapi.EventCatalogue;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/events.md is the catalogue the publishing services' AsyncAPI documents (built into their jars, served at
 * {@code /asyncapi.json}) render to: a contract change without regenerating it fails here.
 */
class EventCatalogueTest {

    static final String REGENERATE = "./mvnw install -DskipTests && ./mvnw -pl deploy/local test "
                                     + "-Dtest=EventCatalogueTest -Drekindle.catalogue.write=true";
    private static final Path CATALOGUE = Path.of("../../docs/events.md");

    @Test
    void theCommittedCatalogueIsTheOneThePublishersDocumentsRender() throws IOException {
        List<JsonNode> documents = publishersDocuments();
        assertThat(documents).extracting(document -> document.path("x-publisher").asText())
                             .containsExactlyInAnyOrder("journal-service", "content-service", "plan-service");
        String rendered = EventCatalogue.render(documents, REGENERATE);
        if (Boolean.getBoolean("rekindle.catalogue.write")) {
            Files.writeString(CATALOGUE, rendered);
        }
        assertThat(Files.exists(CATALOGUE)).as("docs/events.md exists; create it with: " + REGENERATE).isTrue();
        assertThat(Files.readString(CATALOGUE))
                .as("docs/events.md is not what the AsyncAPI documents render; regenerate it with: " + REGENERATE)
                .isEqualTo(rendered);
    }

    private static List<JsonNode> publishersDocuments() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> documents = new ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:asyncapi/*.json")) {
            try (InputStream in = resource.getInputStream()) {
                documents.add(json.readTree(in));
            }
        }
        return documents;
    }
}
