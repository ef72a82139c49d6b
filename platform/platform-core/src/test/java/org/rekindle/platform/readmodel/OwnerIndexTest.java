package org.rekindle.platform.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekindle.platform.embedded.SharedTestInfrastructure;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Owner indexes and position-guarded writes on the MongoDB-wire server. */
class OwnerIndexTest {

    private static final MongoClient client = SharedTestInfrastructure.mongoClient();
    private MongoCollection<Document> records;
    private MongoCollection<Document> byOwner;
    private OwnerIndex index;

    @BeforeEach
    void freshCollections() {
        MongoDatabase db = client.getDatabase("platform-test");
        String name = "records-" + UUID.randomUUID();
        records = db.getCollection(name);
        byOwner = db.getCollection(name + "_by_owner");
        index = new OwnerIndex(byOwner);
    }

    @Test
    void findsAnOwnersDocumentsByIdAndAddsEachIdOnce() {
        records.insertMany(List.of(new Document("_id", "r1").append("owner", "ann").append("n", 2),
                                   new Document("_id", "r2").append("owner", "bob").append("n", 1),
                                   new Document("_id", "r3").append("owner", "ann").append("n", 1)));
        index.add("ann", "r1");
        index.add("bob", "r2");
        index.add("ann", List.of("r3", "r1"));

        assertThat(index.ids("ann")).containsExactly("r1", "r3");
        assertThat(index.ids(List.of("ann", "bob"))).containsExactlyInAnyOrder("r1", "r3", "r2");
        assertThat(index.documentsOf(records, "ann", Comparator.comparing(d -> d.getInteger("n"))).stream()
                        .map(d -> d.getString("_id"))).containsExactly("r3", "r1");
        assertThat(index.documentsOf(records, "nobody", Comparator.comparing(d -> d.getInteger("n")))).isEmpty();

        index.add(java.util.Map.of("ann", List.of("r3"), "bob", List.of("r4")));
        assertThat(index.ids("bob")).containsExactly("r2", "r4");
        assertThat(index.ids("ann")).containsExactly("r1", "r3");

        index.remove("ann", List.of("r1"));
        assertThat(index.ids("ann")).containsExactly("r3");
        index.forget("ann");
        assertThat(index.ids("ann")).isEmpty();
    }

    @Test
    void indexesWhatWasStoredBeforeItExistedOnce() {
        records.insertMany(List.of(new Document("_id", "r1").append("owner", "ann"),
                                   new Document("_id", "r2").append("owner", "bob"),
                                   new Document("_id", "r3")));
        index.buildOnceFrom(records, doc -> doc.getString("owner"), "owner");
        assertThat(index.ids("ann")).containsExactly("r1");
        assertThat(index.ids("bob")).containsExactly("r2");

        records.insertOne(new Document("_id", "r4").append("owner", "ann"));
        index.buildOnceFrom(records, doc -> doc.getString("owner"), "owner");
        assertThat(index.ids("ann")).as("built once: later documents are indexed by their writer")
                                    .containsExactly("r1");
    }

    @Test
    void aWriteAppliesOnlyEventsNewerThanTheDocumentsPosition() {
        assertThat(IdempotentWrites.applyOnce(records, "e1", 3, Updates.set("text", "three"))).isTrue();
        assertThat(IdempotentWrites.applyOnce(records, "e1", 3, Updates.set("text", "again"))).isFalse();
        assertThat(IdempotentWrites.applyOnce(records, "e1", 2, Updates.set("text", "older"))).isFalse();
        assertThat(IdempotentWrites.applyOnce(records, "e1", 4, Updates.set("text", "four"))).isTrue();
        assertThat(IdempotentWrites.replaceOnce(records, "e1", 4, new Document("text", "replaced"))).isFalse();
        assertThat(IdempotentWrites.replaceOnce(records, "e1", 5, new Document("text", "five"))).isTrue();
        Document stored = records.find().first();
        assertThat(stored.getString("text")).isEqualTo("five");
        assertThat(stored.getLong(IdempotentWrites.POSITION)).isEqualTo(5L);

        records.insertOne(new Document("_id", "foreign").append("text", "no position"));
        assertThat(IdempotentWrites.applyOnce(records, "foreign", 1, Updates.set("text", "x"))).isFalse();
    }
}
