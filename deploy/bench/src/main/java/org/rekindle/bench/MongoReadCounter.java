package org.rekindle.bench;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the documents the service's MongoDB driver reads back per collection (find and getMore batches): the
 * store-independent measure of what a query costs. Added to the service's context by the benchmark only.
 */
@Configuration
class MongoReadCounter implements CommandListener {

    static final MongoReadCounter INSTANCE = new MongoReadCounter();

    private final Map<Integer, String> collections = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> documents = new ConcurrentHashMap<>();

    @Bean
    MongoClientSettingsBuilderCustomizer countDocumentsRead() {
        return settings -> settings.addCommandListener(INSTANCE);
    }

    long documentsRead(String collection) {
        LongAdder count = documents.get(collection);
        return count == null ? 0 : count.sum();
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        if (event.getCommandName().equals("find")) {
            collections.put(event.getRequestId(), command.getString("find").getValue());
        } else if (event.getCommandName().equals("getMore")) {
            collections.put(event.getRequestId(), command.getString("collection").getValue());
        }
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        String collection = collections.remove(event.getRequestId());
        BsonDocument cursor = event.getResponse().getDocument("cursor", null);
        if (collection == null || cursor == null) {
            return;
        }
        BsonArray batch = cursor.containsKey("firstBatch") ? cursor.getArray("firstBatch")
                                                           : cursor.getArray("nextBatch", new BsonArray());
        documents.computeIfAbsent(collection, name -> new LongAdder()).add(batch.size());
    }
}
