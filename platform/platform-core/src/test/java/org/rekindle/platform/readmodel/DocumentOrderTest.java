package org.rekindle.platform.readmodel;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Orders of documents sorted in memory: by a time, ties by _id, as a page expects. */
class DocumentOrderTest {

    private static Document at(String id, long millis) {
        return new Document("_id", id).append("occurredAt", new Date(millis));
    }

    private static final List<Document> DOCS = List.of(at("b", 2_000), at("a", 2_000), at("c", 1_000), at("d", 3_000),
                                                       new Document("_id", "undated"));

    @Test
    void newestFirstBreaksTiesById() {
        assertThat(DOCS.stream().sorted(DocumentOrder.newestFirst("occurredAt")).map(doc -> doc.get("_id")))
                .containsExactly("d", "a", "b", "c", "undated");
    }

    @Test
    void oldestFirstBreaksTiesByIdAndPutsAMissingTimeFirst() {
        assertThat(DOCS.stream().sorted(DocumentOrder.oldestFirst("occurredAt")).map(doc -> doc.get("_id")))
                .containsExactly("undated", "c", "a", "b", "d");
    }
}
