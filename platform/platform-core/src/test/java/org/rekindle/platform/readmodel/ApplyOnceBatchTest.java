package org.rekindle.platform.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekindle.platform.embedded.SharedTestInfrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Batched position-guarded writes on the MongoDB-wire server give what the same writes one by one give. */
class ApplyOnceBatchTest {

    private static final MongoClient client = SharedTestInfrastructure.mongoClient();
    private MongoCollection<Document> batched;
    private MongoCollection<Document> oneByOne;

    @BeforeEach
    void freshCollections() {
        String name = "apply-once-" + UUID.randomUUID();
        batched = client.getDatabase("platform-test").getCollection(name + "-batched");
        oneByOne = client.getDatabase("platform-test").getCollection(name + "-one-by-one");
    }

    @Test
    void changesToOneDocumentApplyInTurnAndRedeliveriesChangeNothing() {
        List<Change> changes = List.of(
                change("d1", 1, Updates.set("text", "draft")),
                change("d1", 2, Updates.push("versions", "second")),
                change("d2", 1, Updates.set("text", "other")),
                change("d1", 3, Updates.push("versions", "third")),
                change("d1", 2, Updates.push("versions", "second")), // redelivered inside the batch
                change("d2", 1, Updates.set("text", "other")));

        ApplyOnceBatch batch = new ApplyOnceBatch(batched);
        changes.forEach(c -> batch.applyOnce(c.id(), c.position(), c.update()));
        assertThat(batch.write()).as("changes newer than the documents").isEqualTo(4);
        changes.forEach(c -> IdempotentWrites.applyOnce(oneByOne, c.id(), c.position(), c.update()));

        assertThat(all(batched)).isEqualTo(all(oneByOne));
        assertThat(batched.find(new Document("_id", "d1")).first().getList("versions", String.class))
                .containsExactly("second", "third");

        changes.forEach(c -> batch.applyOnce(c.id(), c.position(), c.update()));
        assertThat(batch.write()).as("the whole batch delivered again").isZero();
        assertThat(all(batched)).isEqualTo(all(oneByOne));
    }

    @Test
    void aDocumentWithoutAPositionIsNotChanged() {
        batched.insertOne(new Document("_id", "foreign").append("text", "kept"));
        ApplyOnceBatch batch = new ApplyOnceBatch(batched);
        batch.applyOnce("foreign", 7, Updates.set("text", "overwritten"));

        assertThat(batch.write()).isZero();
        assertThat(batched.find(new Document("_id", "foreign")).first().getString("text")).isEqualTo("kept");
    }

    @Test
    void anEmptyBatchWritesNothing() {
        assertThat(new ApplyOnceBatch(batched).write()).isZero();
        assertThat(batched.countDocuments()).isZero();
    }

    private record Change(String id, long position, Bson update) {
    }

    private static Change change(String id, long position, Bson update) {
        return new Change(id, position, update);
    }

    private static List<Document> all(MongoCollection<Document> collection) {
        return collection.find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }
}
