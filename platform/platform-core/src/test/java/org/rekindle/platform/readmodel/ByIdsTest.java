package org.rekindle.platform.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.rekindle.platform.embedded.SharedTestInfrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading documents by id in slices on the MongoDB-wire server. */
class ByIdsTest {

    @Test
    void findsEveryStoredDocumentAcrossSeveralSlicesAndSkipsMissingIds() {
        try (MongoClient client = MongoClients.create(SharedTestInfrastructure.mongo().connectionString())) {
            MongoCollection<Document> records = client.getDatabase("platform-test")
                                                      .getCollection("by-ids-" + UUID.randomUUID());
            int stored = ByIds.SLICE * 2 + 7;
            records.insertMany(IntStream.range(0, stored).mapToObj(i -> new Document("_id", "r" + i)).toList());
            List<String> wanted = new ArrayList<>(IntStream.range(0, stored).mapToObj(i -> "r" + i).toList());
            wanted.add("missing-1");
            wanted.add(ByIds.SLICE, "missing-2");

            List<String> found = ByIds.find(records, wanted).stream().map(d -> d.getString("_id")).toList();

            assertThat(found).hasSize(stored).doesNotHaveDuplicates()
                             .containsExactlyInAnyOrderElementsOf(wanted.stream()
                                                                        .filter(id -> !id.startsWith("missing")).toList());
            assertThat(ByIds.find(records, List.of())).isEmpty();
        }
    }
}
