package org.rekindle.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server in this JVM ({@code de.bwaldvogel:mongo-java-server}), listening on 127.0.0.1.
 *
 * <p>This is not MongoDB: see docs/architecture.md, "The embedded default and its limits" (non-unique secondary indexes
 * are ignored, no sessions/transactions, no change streams, no text indexes). Unique indexes work. Never quote a
 * figure measured against it as a MongoDB figure.
 *
 * <p>It logs every client connection at INFO under {@code de.bwaldvogel.mongo}; a launcher may set that logger to
 * WARN. This class does not touch the logging configuration.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    static final String PORT_SETTING = "--rekindle.mongo.port=<port> or env REKINDLE_MONGO_PORT";
    static final String DATA_FILE = "mongo.mv.db";

    private final MongoServer server;
    private final MongoBackend backend;
    private final int port;
    private final String description;
    private boolean stopped;

    private EmbeddedMongo(MongoServer server, MongoBackend backend, int port, String description) {
        this.server = server;
        this.backend = backend;
        this.port = port;
        this.description = description;
    }

    /**
     * MongoDB-wire server (mongo-java-server) persisting with the H2 backend to dataDir/mongo.mv.db; data survives
     * restarts. Port 0 = random free port.
     *
     * @throws PortInUseException if 127.0.0.1:port is taken
     */
    public static EmbeddedMongo startOnDisk(Path dataDir, int port) {
        long startNanos = System.nanoTime();
        Ports.requireFree(port, "MongoDB", PORT_SETTING);
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the MongoDB data directory " + dir, e);
        }
        Path file = dir.resolve(DATA_FILE);
        H2Backend backend;
        try {
            backend = new CompactH2Backend(file.toString());
        } catch (RuntimeException e) {
            // typically the file is locked: another process (or another EmbeddedMongo in this JVM) uses this dataDir
            throw new IllegalStateException("Cannot open the MongoDB data file " + file + ": " + e.getMessage()
                    + (String.valueOf(e.getMessage()).contains("locked")
                    ? " (a running EmbeddedMongo, in this or another process, uses this data directory)" : ""), e);
        }
        return bind(backend, port, "H2 " + file, startNanos);
    }

    /** Same server with the memory backend (about 4x faster) for tests; port 0 = random free port. */
    public static EmbeddedMongo startInMemory(int port) {
        long startNanos = System.nanoTime();
        Ports.requireFree(port, "MongoDB", PORT_SETTING);
        return bind(new MemoryBackend(), port, "in memory", startNanos);
    }

    private static EmbeddedMongo bind(MongoBackend backend, int port, String description, long startNanos) {
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(Ports.LOOPBACK.getHostAddress(), port);
        } catch (Exception e) { // Netty rethrows the checked BindException undeclared
            // MongoServer.bind already shut the server (and the backend) down; close again in case it did not
            closeQuietly(backend);
            java.net.BindException bind = e instanceof java.net.BindException b ? b
                    : e.getCause() instanceof java.net.BindException c ? c : null;
            if (bind != null) {
                throw new PortInUseException(port, "MongoDB", PORT_SETTING, bind);
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("Cannot start the MongoDB-wire server on 127.0.0.1:" + port, e);
        }
        EmbeddedMongo mongo = new EmbeddedMongo(server, backend, server.getLocalAddress().getPort(), description);
        log.info("MongoDB-wire server (mongo-java-server, {}) started on {} in {} ms", description,
                mongo.connectionString(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        return mongo;
    }

    /** {@code "mongodb://127.0.0.1:<port>"}. */
    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** The port it listens on; with port 0 at start the one that was chosen. */
    public int port() {
        return port;
    }

    /** Closes client connections and the server, then the backend (H2 writes everything to disk); idempotent. */
    public void stop() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        try {
            server.shutdownNow(); // closes the backend too
        } finally {
            closeQuietly(backend); // H2: MVStore.close() commits and flushes; a second close is a no-op
        }
        log.info("MongoDB-wire server ({}) on {} stopped", description, connectionString());
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "EmbeddedMongo[" + connectionString() + ", " + description + "]";
    }

    private static void closeQuietly(MongoBackend backend) {
        try {
            backend.close();
        } catch (RuntimeException e) {
            log.debug("Closing the mongo-java-server backend again failed", e);
        }
    }
}
