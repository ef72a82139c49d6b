package org.rekindle.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

    @Test
    void onDiskDataSurvivesARestart(@TempDir Path dataDir) {
        long t0 = System.nanoTime();
        try (EmbeddedMongo mongo = EmbeddedMongo.startOnDisk(dataDir, 0)) {
            System.out.println("EmbeddedMongo on disk, first start: "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms");
            assertThat(mongo.connectionString()).isEqualTo("mongodb://127.0.0.1:" + mongo.port());
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                MongoCollection<Document> events = client.getDatabase("journal").getCollection("events");
                events.createIndex(Indexes.ascending("aggregateId", "sequence"), new IndexOptions().unique(true));
                List<Document> docs = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    docs.add(new Document("aggregateId", "a-" + (i % 5)).append("sequence", i / 5).append("payload", "p" + i));
                }
                events.insertMany(docs);
            }
        }
        assertThat(dataDir.resolve("mongo.mv.db")).exists();

        long t1 = System.nanoTime();
        try (EmbeddedMongo mongo = EmbeddedMongo.startOnDisk(dataDir, 0)) {
            System.out.println("EmbeddedMongo on disk, restart: "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1) + " ms");
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                MongoCollection<Document> events = client.getDatabase("journal").getCollection("events");
                assertThat(events.countDocuments()).isEqualTo(50);
                assertThat(events.find(Filters.eq("aggregateId", "a-3")).into(new ArrayList<>())).hasSize(10);
                // the unique index survived the restart as well
                assertThatThrownBy(() -> events.insertOne(new Document("aggregateId", "a-0").append("sequence", 0)))
                        .isInstanceOfSatisfying(MongoWriteException.class,
                                e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
                events.insertOne(new Document("aggregateId", "a-0").append("sequence", 10));
                assertThat(events.countDocuments()).isEqualTo(51);
            }
        }
    }

    @Test
    void aSecondOnDiskStartOnADataDirInUseFailsClearly(@TempDir Path dataDir) {
        try (EmbeddedMongo mongo = EmbeddedMongo.startOnDisk(dataDir, 0)) {
            assertThatThrownBy(() -> EmbeddedMongo.startOnDisk(dataDir, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("mongo.mv.db")
                    .hasMessageContaining("locked");
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                client.getDatabase("d").getCollection("c").insertOne(new Document("still", "fine"));
            }
        }
    }

    @Test
    void inMemoryWorksAndAUniqueIndexRejectsADuplicate() {
        long t0 = System.nanoTime();
        EmbeddedMongo mongo = EmbeddedMongo.startInMemory(0);
        System.out.println("EmbeddedMongo in memory start: "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms");
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> users = client.getDatabase("test").getCollection("users");
            users.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            users.insertOne(new Document("email", "a@example.org").append("name", "A"));
            users.insertOne(new Document("email", "b@example.org").append("name", "B"));
            assertThat(users.find(Filters.eq("email", "b@example.org")).first()).containsEntry("name", "B");
            assertThatThrownBy(() -> users.insertOne(new Document("email", "a@example.org").append("name", "A2")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> {
                        assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY);
                        assertThat(e.getError().getCode()).isEqualTo(11000);
                    });
            assertThat(users.countDocuments()).isEqualTo(2);
        } finally {
            mongo.stop();
            mongo.stop();
            mongo.close();
        }
    }

    @Test
    void startOnATakenPortThrowsPortInUse(@TempDir Path dataDir) throws Exception {
        try (ServerSocket blocker = new ServerSocket()) {
            blocker.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = blocker.getLocalPort();
            String expected = "Port " + port + " (MongoDB) is already in use. Stop what uses it or choose another port"
                    + " with --rekindle.mongo.port=<port> or env REKINDLE_MONGO_PORT.";
            assertThatThrownBy(() -> EmbeddedMongo.startOnDisk(dataDir, port))
                    .isInstanceOf(PortInUseException.class).hasMessage(expected);
            assertThatThrownBy(() -> EmbeddedMongo.startInMemory(port))
                    .isInstanceOf(PortInUseException.class).hasMessage(expected);
        }
        // the failed attempt left the data dir usable
        try (EmbeddedMongo mongo = EmbeddedMongo.startOnDisk(dataDir, 0)) {
            assertThat(mongo.port()).isPositive();
        }
    }
}
