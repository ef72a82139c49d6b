package org.rekindle.platform.embedded;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The H2 backend with documents stored as BSON and index keys serialised once per key object: a data file written by
 * the stock backend is found, counted and kept unique through it (the keys' order is the stock backend's), its
 * documents are read back unchanged and stay readable when rewritten, and every BSON type a client sends survives a
 * restart.
 */
class CompactH2BackendTest {

    private static void over(MongoBackend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort() + "/?uuidRepresentation=standard")) {
            work.accept(client.getDatabase("plan").getCollection("work"));
        } finally {
            server.shutdownNow();
        }
    }

    private static Document work(int i) {
        return new Document("_id", "work-" + i).append("state", i % 3 == 0 ? "DONE" : "PENDING")
                                               .append("attempt", i % 4).append("n", i);
    }

    @Test
    void aDataFileOfTheStockBackendIsReadKeptUniqueAndRewritten(@TempDir Path dir) {
        String file = dir.resolve("mongo.mv.db").toString();
        over(new H2Backend(file), stock -> {
            stock.createIndex(Indexes.ascending("_id", "state", "attempt"), new IndexOptions().unique(true));
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                docs.add(work(i));
            }
            stock.insertMany(docs);
        });

        over(new CompactH2Backend(file), ours -> {
            assertThat(ours.countDocuments()).isEqualTo(3000);
            for (int i = 0; i < 3000; i += 7) {
                assertThat(ours.find(Filters.eq("_id", "work-" + i)).first()).isEqualTo(work(i));
            }
            assertThatThrownBy(() -> ours.insertOne(work(1234)))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            for (int i = 3000; i < 4000; i++) {
                ours.insertOne(work(i));
            }
            ours.findOneAndUpdate(Filters.and(Filters.eq("_id", "work-5"), Filters.eq("state", "PENDING"),
                                              Filters.eq("attempt", 1)),
                                 new Document("$set", new Document("state", "RUNNING")));
        });

        over(new CompactH2Backend(file), reopened -> {
            assertThat(reopened.countDocuments()).isEqualTo(4000);
            for (int i = 1; i < 4000; i += 11) {
                Document found = reopened.find(Filters.eq("_id", "work-" + i)).first();
                assertThat(found).as("work-" + i).isEqualTo(i == 5 ? work(5).append("state", "RUNNING") : work(i));
            }
            assertThatThrownBy(() -> reopened.insertOne(work(3500))).isInstanceOf(MongoWriteException.class);
        });
    }

    @Test
    void everyBsonTypeAClientSendsSurvivesARestartWithoutJavaSerialisation(@TempDir Path dir) throws Exception {
        String file = dir.resolve("mongo.mv.db").toString();
        Document stored = new Document("_id", new ObjectId())
                .append("text", "Ich habe mich entschuldigt \u2014 ehrlich")
                .append("int", 42).append("long", 1L << 40).append("double", 2.5).append("bool", true)
                .append("nothing", null).append("when", new Date(1_764_979_200_123L))
                .append("decimal", new Decimal128(new BigDecimal("12.345")))
                .append("bytes", new Binary(new byte[]{1, 2, 3}))
                .append("uuid", UUID.fromString("7d444840-9dc0-11d1-b245-5ffdce74fad2"))
                .append("list", List.of(1, "two", new Document("three", 3)))
                .append("nested", new Document("row", new Document("scores", List.of(3, 4, 5)).append("at", new Date(0))));
        over(new CompactH2Backend(file), collection -> collection.insertOne(stored));
        over(new CompactH2Backend(file), collection -> assertThat(collection.find().first()).isEqualTo(stored));
        assertThat(new String(Files.readAllBytes(Path.of(file)), StandardCharsets.ISO_8859_1))
                .as("the data file holds no Java-serialised document")
                .doesNotContain(de.bwaldvogel.mongo.bson.Document.class.getName());
    }
    /**
     * H2 takes a value put into a map as unchanging, and its background writer encodes the documents of changed pages
     * while commands run: an update must put a changed copy, never change the document H2 holds (it did, field by
     * field, and a rebuild of 1,000,000 events ended with the store closed). A query's answer is a copy too.
     */
    @Test
    void anUpdateNeverChangesTheDocumentTheStoreHoldsInPlace(@TempDir Path dir) {
        CompactH2Backend backend = new CompactH2Backend(dir.resolve("mongo.mv.db").toString());
        over(backend, collection -> {
            collection.insertOne(new Document("_id", "row").append("n", 1).append("old", "x")
                                                          .append("nested", new Document("k", 1)));
            org.h2.mvstore.MVMap<Object, de.bwaldvogel.mongo.bson.Document> documents = backend.getMvStore().openMap(
                    "databases.plan.work", new org.h2.mvstore.MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>()
                            .valueType(new BsonDocumentValues()));
            de.bwaldvogel.mongo.bson.Document held = documents.get("row");

            collection.updateOne(Filters.eq("_id", "row"), com.mongodb.client.model.Updates.combine(
                    com.mongodb.client.model.Updates.set("n", 2), com.mongodb.client.model.Updates.unset("old"),
                    com.mongodb.client.model.Updates.set("nested.k", 2)));
            collection.findOneAndUpdate(Filters.eq("n", 2), com.mongodb.client.model.Updates.set("found", true));

            assertThat(held.get("n")).as("the document H2 held before the update").isEqualTo(1);
            assertThat(held.get("old")).isEqualTo("x");
            assertThat(((de.bwaldvogel.mongo.bson.Document) held.get("nested")).get("k")).isEqualTo(1);
            assertThat(documents.get("row")).isNotSameAs(held);
            assertThat(collection.find(Filters.eq("_id", "row")).first())
                    .isEqualTo(new Document("_id", "row").append("n", 2).append("nested", new Document("k", 2))
                                                         .append("found", true));
        });
    }
}
