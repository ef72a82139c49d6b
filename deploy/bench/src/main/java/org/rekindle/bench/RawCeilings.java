package org.rekindle.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.rekindle.platform.embedded.EmbeddedPostgresServer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

/** The raw rates of the same broker and store, measured in the same run: what no service can beat. */
final class RawCeilings {

    private RawCeilings() {
    }

    /** Records/s of a plain producer with acks=all, idempotent, the platform's producer settings. */
    static double kafkaProduce(String bootstrap, String topic, int records, String payload) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer())) {
            long start = System.nanoTime();
            Future<?> last = null;
            for (int i = 0; i < records; i++) {
                last = producer.send(new ProducerRecord<>(topic, "client-" + (i % 50), payload));
            }
            last.get();
            return records / seconds(start);
        }
    }

    /** Records/s of a plain consumer reading the topic from the beginning. */
    static double kafkaConsume(String bootstrap, String topic, int records) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG,
                "bench-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long start = System.nanoTime();
            int read = 0;
            while (read < records) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            return read / seconds(start);
        }
    }

    /** Documents/s of the driver's insertOne, one at a time, on the same store. */
    static double mongoInsertOne(String connection, int documents, String payload) {
        try (MongoClient client = MongoClients.create(connection)) {
            MongoCollection<Document> raw = client.getDatabase("bench-raw").getCollection("raw-" + UUID.randomUUID());
            long start = System.nanoTime();
            for (int i = 0; i < documents; i++) {
                raw.insertOne(new Document("_id", "doc-" + i).append("clientId", "client-" + (i % 50))
                                                          .append("payload", payload));
            }
            return documents / seconds(start);
        }
    }

    /** The table the PostgreSQL ceiling writes to: domain_event_entry's columns, keys and unique constraints. */
    private static final String RAW_TABLE = """
            CREATE TABLE IF NOT EXISTS raw_event_entry (
                global_index         BIGSERIAL    NOT NULL PRIMARY KEY,
                event_identifier     VARCHAR(255) NOT NULL UNIQUE,
                meta_data            BYTEA,
                payload              BYTEA        NOT NULL,
                payload_revision     VARCHAR(255),
                payload_type         VARCHAR(255) NOT NULL,
                time_stamp           VARCHAR(255) NOT NULL,
                aggregate_identifier VARCHAR(255) NOT NULL,
                sequence_number      BIGINT       NOT NULL,
                type                 VARCHAR(255),
                UNIQUE (aggregate_identifier, sequence_number))""";

    /**
     * Rows/s of single-row INSERTs over JDBC (autocommit: one row, one transaction, one WAL flush each) into a table
     * shaped like {@code domain_event_entry}, with a {@code payloadBytes} payload, from {@code threads} connections
     * at once for {@code duration} after a one-second warm-up; on the run's own PostgreSQL (durable settings).
     */
    static RawInsert postgresInsert(EmbeddedPostgresServer postgres, int threads, Duration duration, int payloadBytes)
            throws Exception {
        String url = postgres.createDatabase("bench_raw");
        try (Connection setup = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, "");
             Statement ddl = setup.createStatement()) {
            ddl.execute(RAW_TABLE);
        }
        byte[] payload = new byte[payloadBytes];
        java.util.Arrays.fill(payload, (byte) 'x');
        byte[] metaData = "{\"traceId\":\"bench\",\"correlationId\":\"bench\"}".getBytes(StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        AtomicLong measured = new AtomicLong();
        List<Long> nanos = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String aggregate = "raw-" + UUID.randomUUID();
            work.add(pool.submit(() -> {
                try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, "");
                     PreparedStatement insert = connection.prepareStatement(
                             "INSERT INTO raw_event_entry (event_identifier, meta_data, payload, payload_revision, "
                             + "payload_type, time_stamp, aggregate_identifier, sequence_number, type) "
                             + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    connection.setAutoCommit(true);
                    ready.countDown();
                    long sequence = 0;
                    while (running.get()) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setBytes(2, metaData);
                        insert.setBytes(3, payload);
                        insert.setString(4, "1");
                        insert.setString(5, "org.rekindle.journal.app.command.api.MoodCheckedIn");
                        insert.setString(6, Instant.now().toString());
                        insert.setString(7, aggregate);
                        insert.setLong(8, sequence++);
                        insert.setString(9, "Journal");
                        long begin = System.nanoTime();
                        insert.executeUpdate();
                        if (counting.get()) {
                            measured.incrementAndGet();
                            nanos.add(System.nanoTime() - begin);
                        }
                    }
                }
                return null;
            }));
        }
        ready.await();
        Thread.sleep(1_000);
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep(duration.toMillis());
        counting.set(false);
        double rate = measured.get() / seconds(start);
        running.set(false);
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        return new RawInsert(threads, rate, Latency.ofNanos(new ArrayList<>(nanos)));
    }

    /** Rows/s of the PostgreSQL ceiling at a number of threads, and each INSERT's latency. */
    record RawInsert(int threads, double perSecond, Latency latency) {
        @Override
        public String toString() {
            return Results.rate(perSecond) + " raw INSERT (" + threads + " thread" + (threads == 1 ? "" : "s") + ")";
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
