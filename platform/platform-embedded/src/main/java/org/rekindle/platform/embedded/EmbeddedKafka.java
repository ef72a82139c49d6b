package org.rekindle.platform.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in this JVM: one node that is both KRaft controller and broker, driven through Kafka's
 * own server classes ({@link KafkaRaftServer}), with its log and metadata under {@code dataDir/kafka}.
 *
 * <p>Unlike spring-kafka-test's {@code EmbeddedKafkaKraftBroker} (which formats fresh temp directories on every
 * start) the storage is formatted only once, with a fixed cluster id, so topics, records and committed consumer
 * offsets survive a restart on the same {@code dataDir}. The controller listens on a second port, chosen once and
 * kept in {@code dataDir/kafka-controller.port} (replaced by a new free port only if it is taken at a later start).
 *
 * <p>Records are kept forever ({@code log.retention.ms=-1}): integration-event topics are the history that
 * Kafka-fed projections replay from, so a local stack left off for a week must not lose it.
 *
 * <p><b>Logging.</b> Kafka is very chatty at INFO. This class does not touch the logging configuration; a launcher
 * or test setup should set these loggers to WARN: {@code kafka}, {@code org.apache.kafka} and
 * {@code state.change.logger} (e.g. {@code logging.level.kafka=WARN}, {@code logging.level.org.apache.kafka=WARN},
 * {@code logging.level.state.change.logger=WARN} in Spring Boot properties). This class logs its own start-up and
 * shutdown at INFO under {@code org.rekindle.platform.embedded}.
 *
 * <p><b>Fatal faults.</b> As in a stand-alone broker, a fatal metadata fault (e.g. a corrupted metadata log) makes
 * Kafka halt the JVM through {@code org.apache.kafka.common.utils.Exit}; this class does not override that.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    /** Fixed cluster id (base64url of "rekindle-local-1"): the storage is formatted with it once and reused. */
    static final String CLUSTER_ID = "cmVraW5kbGUtbG9jYWwtMQ";
    static final int NODE_ID = 1;
    static final String BROKER_SETTING = "--rekindle.kafka.port=<port> or env REKINDLE_KAFKA_PORT";
    static final String CONTROLLER_PORT_FILE = "kafka-controller.port";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final DataDirLock lock;
    private boolean stopped;

    private EmbeddedKafka(KafkaRaftServer server, Path dataDir, int port, int controllerPort, DataDirLock lock) {
        this.server = server;
        this.lock = lock;
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Starts a single-node KRaft broker+controller listening on 127.0.0.1:port (port 0 = pick a free one), log and
     * metadata dirs under dataDir. First start formats the storage with a fixed cluster id; later starts on the same
     * dataDir reuse it, so topics and records survive a restart.
     *
     * @throws PortInUseException if the broker port is taken
     * @throws IllegalStateException if dataDir is in use by a running EmbeddedKafka (this or another process), or the
     *                               broker does not start and answer within 60 s
     */
    public static EmbeddedKafka start(Path dataDir, int port) {
        long startNanos = System.nanoTime();
        Path absDataDir = dataDir.toAbsolutePath().normalize();
        Ports.requireFree(port, "Kafka broker", BROKER_SETTING);
        Path logDir = absDataDir.resolve("kafka");
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka data directory " + logDir, e);
        }
        DataDirLock lock = DataDirLock.acquire(absDataDir);
        EmbeddedKafka kafka;
        boolean formatted;
        try {
            int controllerPort = controllerPort(absDataDir, port);
            int brokerPort = port;
            while (brokerPort == 0 || brokerPort == controllerPort) {
                brokerPort = Ports.freePort();
            }
            KafkaConfig config = KafkaConfig.fromProps(serverProperties(logDir, brokerPort, controllerPort), false);
            formatted = formatIfNeeded(logDir);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            kafka = new EmbeddedKafka(server, absDataDir, brokerPort, controllerPort, lock);
        } catch (RuntimeException | Error e) {
            lock.release();
            throw e;
        }
        long deadline = startNanos + START_TIMEOUT.toNanos();
        try {
            startServer(kafka.server, deadline);
            kafka.awaitBrokerAnswers(deadline);
        } catch (RuntimeException | Error e) {
            kafka.stopQuietly(); // releases the lock once the server is down
            throw e;
        }
        log.info("Kafka broker started on {} (controller port {}, {} storage in {}) in {} ms",
                kafka.bootstrapServers(), kafka.controllerPort, formatted ? "newly formatted" : "existing", logDir,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        return kafka;
    }

    /** {@code "127.0.0.1:<port>"}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The broker (PLAINTEXT) port; with port 0 at start the one that was chosen. */
    public int port() {
        return port;
    }

    /** Graceful shutdown (controlled shutdown, logs flushed and closed cleanly); idempotent. */
    public void stop() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        long startNanos = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            lock.release();
        }
        log.info("Kafka broker on {} stopped in {} ms", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers() + ", controller 127.0.0.1:" + controllerPort + ", " + dataDir + "]";
    }

    static Properties serverProperties(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "3");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        // Fixed forever for a given dataDir (the group/transaction -> partition hash depends on it). 5 instead of the
        // default 50: creating 50 partitions on the first consumer group costs seconds and 100 small files.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Integration-event topics are the history that Kafka-fed projections replay from: keep them forever.
        p.put("log.retention.ms", "-1");
        // The log cleaner (needed for __consumer_offsets) allocates its dedupe buffer eagerly: 128 MB heap by default.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        // Sized for a laptop or 2-core CI box that also runs the services, not for throughput.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "2");
        // Faster start-up/shutdown of a single node; the defaults are tuned for multi-node clusters.
        p.put("controller.quorum.election.timeout.ms", "1000");
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("server.max.startup.time.ms", String.valueOf(START_TIMEOUT.toMillis()));
        return p;
    }

    /**
     * The controller port stays the same for a given dataDir: chosen once (a free port) and kept in
     * {@code dataDir/kafka-controller.port}. If that port is taken at a later start (nobody chose it, so nobody should
     * have to free it), a new free port is chosen and kept instead: with a static single-voter quorum
     * ({@code controller.quorum.voters}, kraft.version 0) the voter is identified by its node id, and a restart on a
     * new controller port keeps all topics, records and offsets (covered by EmbeddedKafkaTest).
     */
    private static int controllerPort(Path dataDir, int brokerPort) {
        Path file = dataDir.resolve(CONTROLLER_PORT_FILE);
        try {
            if (Files.exists(file)) {
                String text = Files.readString(file, StandardCharsets.UTF_8).trim();
                int stored = -1;
                try {
                    stored = Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    log.warn("Invalid Kafka controller port '{}' in {}; choosing a new one", text, file);
                }
                if (stored > 0 && stored <= 65535 && stored != brokerPort && isFree(stored)) {
                    return stored;
                }
                if (stored > 0) {
                    log.warn("Kafka controller port {} (kept in {}) is not available; choosing a new one", stored, file);
                }
            }
            int chosen;
            do {
                chosen = Ports.freePort();
            } while (chosen == brokerPort);
            Path tmp = dataDir.resolve(CONTROLLER_PORT_FILE + ".tmp");
            Files.writeString(tmp, chosen + System.lineSeparator(), StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return chosen;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the Kafka controller port file " + file, e);
        }
    }

    private static boolean isFree(int port) {
        try {
            Ports.requireFree(port, "Kafka controller", "");
            return true;
        } catch (PortInUseException e) {
            return false;
        }
    }

    /** Formats the storage once: only when {@code meta.properties} is absent. Returns whether it formatted. */
    private static boolean formatIfNeeded(Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return false;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(NODE_ID)
                    .setClusterId(CLUSTER_ID)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir.toString())
                    .setDirectories(List.of(logDir.toString()))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka storage in " + logDir + ": " + e.getMessage(), e);
        }
        log.debug("Formatted Kafka storage: {}", out.toString(StandardCharsets.UTF_8).trim());
        return true;
    }

    /** {@link KafkaRaftServer#startup()} blocks until the broker is unfenced; bound it by the start deadline. */
    private static void startServer(KafkaRaftServer server, long deadlineNanos) {
        CompletableFuture<Void> startup = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                server.startup();
                startup.complete(null);
            } catch (Throwable t) {
                startup.completeExceptionally(t);
            }
        }, "rekindle-kafka-startup");
        starter.setDaemon(true);
        starter.start();
        try {
            startup.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka broker did not start within " + START_TIMEOUT.toSeconds()
                    + " s (see the kafka/org.apache.kafka logs)", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IllegalStateException("Kafka broker failed to start: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the Kafka broker", e);
        }
    }

    /** Returns once the broker answers a describeCluster on its client port. */
    private void awaitBrokerAnswers(long deadlineNanos) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "rekindle-embedded-kafka-probe");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, "50");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        Exception last = null;
        try (Admin admin = Admin.create(props)) {
            while (System.nanoTime() < deadlineNanos) {
                try {
                    Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(5000))
                            .nodes().get(5, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker on " + bootstrapServers(), e);
        }
        throw new IllegalStateException("Kafka broker on " + bootstrapServers() + " did not answer within "
                + START_TIMEOUT.toSeconds() + " s", last);
    }

    /** Best-effort shutdown after a failed start, bounded so that start() never hangs on it. */
    private void stopQuietly() {
        Thread stopper = new Thread(() -> {
            try {
                stop();
            } catch (RuntimeException e) {
                log.warn("Error while shutting down a Kafka broker that failed to start", e);
            }
        }, "rekindle-kafka-stop");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopper.isAlive()) {
            log.warn("Kafka broker that failed to start did not shut down within 30 s; leaving it to a daemon thread");
        }
    }

    /**
     * Our own exclusive lock on dataDir, taken before anything is touched. Kafka's {@code .lock} in the log dir is
     * only taken by the broker half, after the controller half has already opened (and may have written to) the
     * metadata log: without this lock a second start on a dataDir in use (same JVM or another process) would run a
     * second controller on the same {@code __cluster_metadata} log before failing.
     */
    private static final class DataDirLock {
        private final java.nio.channels.FileChannel channel;
        private final java.nio.channels.FileLock fileLock;

        private DataDirLock(java.nio.channels.FileChannel channel, java.nio.channels.FileLock fileLock) {
            this.channel = channel;
            this.fileLock = fileLock;
        }

        static DataDirLock acquire(Path dataDir) {
            Path file = dataDir.resolve("kafka-embedded.lock");
            java.nio.channels.FileChannel channel;
            try {
                channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot open the lock file " + file, e);
            }
            java.nio.channels.FileLock fileLock = null;
            try {
                fileLock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                // held by this JVM
            } catch (IOException e) {
                closeQuietly(channel);
                throw new UncheckedIOException("Cannot lock " + file, e);
            }
            if (fileLock == null) {
                closeQuietly(channel);
                throw new IllegalStateException("The Kafka data directory " + dataDir
                        + " is in use by a running EmbeddedKafka (in this or another process); stop it or use another"
                        + " data directory");
            }
            return new DataDirLock(channel, fileLock);
        }

        synchronized void release() {
            if (channel.isOpen()) {
                try {
                    fileLock.release();
                } catch (IOException e) {
                    log.debug("Releasing the Kafka data dir lock failed", e);
                }
                closeQuietly(channel);
            }
        }

        private static void closeQuietly(java.nio.channels.FileChannel channel) {
            try {
                channel.close();
            } catch (IOException e) {
                log.debug("Closing the Kafka data dir lock file failed", e);
            }
        }
    }
}
