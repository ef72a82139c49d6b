package org.rekindle.bench;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Where the services' time on the MongoDB-wire server goes: every command's round trip summed per shape
 * (database, collection, command and the field names of its filter), for attributing a slow path to the query that
 * causes it. Added to every service of a benchmark run with {@code -Drekindle.bench.mongo-profile=true}.
 */
@Configuration
class MongoCommandProfile implements CommandListener {

    static final MongoCommandProfile INSTANCE = new MongoCommandProfile();

    private final Map<Integer, String> started = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    static boolean enabled() {
        return Boolean.getBoolean("rekindle.bench.mongo-profile");
    }

    @Bean
    MongoClientSettingsBuilderCustomizer profileCommands() {
        return settings -> settings.addCommandListener(INSTANCE);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        started.put(event.getRequestId(), event.getDatabaseName() + "." + shape(event.getCommandName(),
                                                                                 event.getCommand()));
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        record(event.getRequestId(), event.getElapsedTime(java.util.concurrent.TimeUnit.NANOSECONDS));
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        record(event.getRequestId(), event.getElapsedTime(java.util.concurrent.TimeUnit.NANOSECONDS));
    }

    private void record(int requestId, long elapsed) {
        String shape = started.remove(requestId);
        if (shape != null) {
            nanos.computeIfAbsent(shape, s -> new LongAdder()).add(elapsed);
            calls.computeIfAbsent(shape, s -> new LongAdder()).increment();
        }
    }

    /** The shapes by total time, most first, and resets the counts. */
    String report(int top) {
        String table = nanos.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> e) -> e.getValue().sum()).reversed())
                .limit(top)
                .map(e -> String.format("%9.0f ms %8d calls %7.2f ms/call  %s", e.getValue().sum() / 1e6,
                                        calls.get(e.getKey()).sum(),
                                        e.getValue().sum() / 1e6 / calls.get(e.getKey()).sum(), e.getKey()))
                .collect(Collectors.joining("\n"));
        nanos.clear();
        calls.clear();
        return table;
    }

    private static String shape(String command, BsonDocument body) {
        BsonValue collection = body.get(command);
        String name = collection != null && collection.isString() ? collection.asString().getValue() : "";
        BsonDocument filter = switch (command) {
            case "find", "count", "aggregate" -> body.getDocument("filter", null);
            case "findAndModify" -> body.getDocument("query", null);
            case "update" -> first(body.getArray("updates", null), "q");
            case "delete" -> first(body.getArray("deletes", null), "q");
            default -> null;
        };
        return name + " " + command + (filter == null ? "" : " " + filter.keySet());
    }

    private static BsonDocument first(BsonArray statements, String key) {
        return statements == null || statements.isEmpty() ? null
                : statements.get(0).asDocument().getDocument(key, null);
    }
}
