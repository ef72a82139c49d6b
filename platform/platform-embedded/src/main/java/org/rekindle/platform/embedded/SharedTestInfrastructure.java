package org.rekindle.platform.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * JVM-wide shared infrastructure for integration tests: starts one in-memory {@link EmbeddedMongo}, one
 * {@link EmbeddedKafka} and one {@link EmbeddedPostgresServer} (temp dirs, random ports) lazily on first use, stops
 * them in a shutdown hook (and deletes the temp dirs).
 *
 * <p>Tests sharing them must isolate themselves by name (own topics, consumer groups, databases), not by restarting.
 * Typical use with Spring: a {@code @DynamicPropertySource} that sets {@code spring.kafka.bootstrap-servers} to
 * {@code SharedTestInfrastructure.kafka().bootstrapServers()} and the Mongo URI to
 * {@code SharedTestInfrastructure.mongo().connectionString()}.
 */
public final class SharedTestInfrastructure {

    private static EmbeddedKafka kafka;
    private static Path kafkaDir;
    private static EmbeddedMongo mongo;
    private static MongoClient mongoClient;
    private static EmbeddedPostgresServer postgres;
    private static boolean hookRegistered;

    private SharedTestInfrastructure() {
    }

    /** The shared broker, started on first call (about 3 s). */
    public static synchronized EmbeddedKafka kafka() {
        if (kafka == null) {
            registerShutdownHook();
            try {
                kafkaDir = Files.createTempDirectory("rekindle-test-kafka-");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a temp dir for the shared test Kafka broker", e);
            }
            kafka = EmbeddedKafka.start(kafkaDir, 0);
        }
        return kafka;
    }

    /** The shared in-memory Mongo-wire server, started on first call. */
    public static synchronized EmbeddedMongo mongo() {
        if (mongo == null) {
            registerShutdownHook();
            mongo = EmbeddedMongo.startInMemory(0);
        }
        return mongo;
    }

    /** One driver client on the shared Mongo-wire server for tests that use the driver directly (each its own database). */
    public static synchronized MongoClient mongoClient() {
        if (mongoClient == null) {
            mongoClient = MongoClients.create(mongo().connectionString());
        }
        return mongoClient;
    }

    /**
     * The shared PostgreSQL server (temporary data), started on first call; a test takes a database of its own with
     * {@code postgres().createDatabase("journal-it")}, which answers the JDBC URL.
     */
    public static synchronized EmbeddedPostgresServer postgres() {
        if (postgres == null) {
            registerShutdownHook();
            postgres = EmbeddedPostgresServer.startTemporary(0);
        }
        return postgres;
    }

    private static void registerShutdownHook() {
        if (!hookRegistered) {
            Runtime.getRuntime().addShutdownHook(new Thread(SharedTestInfrastructure::stopAll,
                    "rekindle-shared-test-infrastructure-stop"));
            hookRegistered = true;
        }
    }

    private static synchronized void stopAll() {
        if (postgres != null) {
            try {
                postgres.stop();
            } catch (RuntimeException e) {
                e.printStackTrace();
            }
        }
        if (mongoClient != null) {
            mongoClient.close();
        }
        if (mongo != null) {
            try {
                mongo.stop();
            } catch (RuntimeException e) {
                e.printStackTrace();
            }
        }
        if (kafka != null) {
            try {
                kafka.stop();
            } catch (RuntimeException e) {
                e.printStackTrace();
            }
        }
        if (kafkaDir != null) {
            deleteRecursively(kafkaDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort in a shutdown hook; the OS cleans temp dirs eventually
        }
    }
}
