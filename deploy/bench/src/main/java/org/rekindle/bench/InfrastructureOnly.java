package org.rekindle.bench;

import org.rekindle.platform.embedded.EmbeddedKafka;
import org.rekindle.platform.embedded.EmbeddedMongo;
import org.rekindle.platform.embedded.Ports;

import java.nio.file.Path;

/**
 * The footprint benchmark's floor, run in a JVM of its own: the embedded Kafka broker and MongoDB-wire server the
 * stack starts first, and nothing else. Prints {@link #READY} once both listen, then waits to be stopped.
 */
public final class InfrastructureOnly {

    static final String READY = "infrastructure up";

    private InfrastructureOnly() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path data = Path.of(args[0]);
        EmbeddedMongo mongo = EmbeddedMongo.startOnDisk(data.resolve("mongo"), Ports.freePort());
        EmbeddedKafka kafka = EmbeddedKafka.start(data.resolve("kafka"), Ports.freePort());
        System.out.println(READY + " " + mongo.connectionString() + " " + kafka.bootstrapServers());
        Thread.currentThread().join();
    }
}
