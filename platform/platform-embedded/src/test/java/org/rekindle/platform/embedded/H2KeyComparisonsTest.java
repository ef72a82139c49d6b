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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The H2 backend with index keys serialised once per key object keeps the stock backend's order: a data file
 * written by the stock backend is found, counted and kept unique through it, and what it writes the stock backend
 * reads back the same, on the unique `_id` index and a unique compound index.
 */
class H2KeyComparisonsTest {

    private static void over(MongoBackend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
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
    void keysWrittenByEitherBackendAreFoundAndKeptUniqueByTheOther(@TempDir Path dir) {
        String file = dir.resolve("mongo.mv.db").toString();
        over(new H2Backend(file), stock -> {
            stock.createIndex(Indexes.ascending("_id", "state", "attempt"), new IndexOptions().unique(true));
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                docs.add(work(i));
            }
            stock.insertMany(docs);
        });

        over(new H2KeyComparisons(file), ours -> {
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

        over(new H2Backend(file), stock -> {
            assertThat(stock.countDocuments()).isEqualTo(4000);
            for (int i = 1; i < 4000; i += 11) {
                Document found = stock.find(Filters.eq("_id", "work-" + i)).first();
                assertThat(found).as("work-" + i).isNotNull();
                assertThat(found.getInteger("n")).isEqualTo(i);
            }
            assertThat(stock.find(Filters.eq("_id", "work-5")).first().getString("state")).isEqualTo("RUNNING");
            assertThatThrownBy(() -> stock.insertOne(work(3500))).isInstanceOf(MongoWriteException.class);
        });
    }
}
