package org.rekindle.bench;

import org.rekindle.platform.embedded.EmbeddedKafka;
import org.rekindle.platform.embedded.EmbeddedMongo;
import org.rekindle.platform.embedded.EmbeddedPostgresServer;
import org.rekindle.platform.embedded.Ports;

import java.nio.file.Path;

/**
 * The footprint benchmark's floor, run in a JVM of its own: the embedded MongoDB-wire server, PostgreSQL (its own
 * processes, data in {@code <data>/postgres}, durable as the stack runs it) and the Kafka broker the stack starts
 * first, and nothing else. Prints {@link #READY} once all listen, then waits to be stopped.
 */
public final class InfrastructureOnly {

    static final String READY = "infrastructure up";

    private InfrastructureOnly() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path data = Path.of(args[0]);
        EmbeddedMongo mongo = EmbeddedMongo.startOnDisk(data.resolve("mongo"), Ports.freePort());
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startOnDisk(data.resolve("postgres"), Ports.freePort());
        for (String database : java.util.List.of("journal", "content", "plan")) {
            postgres.createDatabase(database);
        }
        EmbeddedKafka kafka = EmbeddedKafka.start(data.resolve("kafka"), Ports.freePort());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            postgres.stop();
            mongo.stop();
        }));
        System.out.println(READY + " " + mongo.connectionString() + " " + postgres.jdbcUrl("journal") + " "
                           + kafka.bootstrapServers());
        Thread.currentThread().join();
    }
}
