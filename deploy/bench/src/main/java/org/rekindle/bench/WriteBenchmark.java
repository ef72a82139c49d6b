package org.rekindle.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rekindle.journal.app.JournalApplication;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.plan.app.PlanApplication;
import org.rekindle.plan.events.PlanAssigned;
import org.rekindle.plan.events.PlanTopic;
import org.rekindle.platform.embedded.EmbeddedKafka;
import org.rekindle.platform.embedded.EmbeddedMongo;
import org.rekindle.platform.embedded.OidcLogin;
import org.rekindle.platform.embedded.Ports;
import org.rekindle.platform.publishing.CloudEvent;
import org.rekindle.platform.publishing.CloudEventJson;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 7's write path, growth and freshness figures, each next to the raw broker and store of the same run:
 * journal commands/s over HTTP (stored, then published to Kafka) vs raw insertOne and raw producer; command latency
 * with {@code small} vs {@code large} events of history; client action → coach dashboard (its live stream) at
 * 10 and 50 actions/s vs raw produce → consume at the same rates.
 */
final class WriteBenchmark {

    private static final String COACH = "bench-coach";
    private static final int CLIENTS = 20;

    private final int small;
    private final int large;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private int journalPort;

    WriteBenchmark(int small, int large) {
        this.small = small;
        this.large = large;
    }

    Results run() throws Exception {
        Path data = Files.createTempDirectory("rekindle-bench-write");
        try (EmbeddedMongo mongo = EmbeddedMongo.startOnDisk(data.resolve("mongo"), Ports.freePort());
             EmbeddedKafka kafka = EmbeddedKafka.start(data.resolve("kafka"), Ports.freePort());
             MongoClient store = MongoClients.create(mongo.connectionString())) {
            String sample = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"data\":{\"score\":3}}";
            double rawProduce = RawCeilings.kafkaProduce(kafka.bootstrapServers(), "bench.raw", 20_000, sample);
            double rawInsert = RawCeilings.mongoInsertOne(mongo.connectionString(), 5_000, sample);
            ConfigurableApplicationContext issuer = BenchIssuer.start(data, COACH, java.util.stream.IntStream
                    .range(0, CLIENTS).mapToObj(WriteBenchmark::client).toList());
            String issuerUrl = BenchIssuer.url(issuer);
            ConfigurableApplicationContext journal = startService(JournalApplication.application(), "journal", mongo,
                                                                  kafka, issuerUrl);
            ConfigurableApplicationContext plan = startService(PlanApplication.application(), "plan", mongo, kafka,
                                                               issuerUrl);
            journalPort = port(journal);
            int planPort = port(plan);
            OidcLogin login = OidcLogin.web(issuerUrl);
            tokens.put(COACH, login.accessToken(COACH, BenchIssuer.PASSWORD));
            for (int c = 0; c < CLIENTS; c++) {
                tokens.put(client(c), login.accessToken(client(c), BenchIssuer.PASSWORD));
            }
            Results results = new Results("Write path, growth and freshness")
                    .setup("date", LocalDate.now(ZoneOffset.UTC).toString())
                    .setup("machine", Runtime.getRuntime().availableProcessors() + " cores, Java "
                                      + System.getProperty("java.version"))
                    .setup("stack", "embedded: Kafka (KRaft, one broker), MongoDB-wire server (mongo-java-server, "
                                    + "on disk); journal-service and plan-service with token validation")
                    .setup("workload", CLIENTS + " clients writing mood check-ins over HTTP");
            try {
                assignPlans(kafka.bootstrapServers());
                writePath(results, kafka, rawInsert, rawProduce);
                growth(results, store);
                freshness(results, kafka, planPort);
            } finally {
                plan.close();
                journal.close();
                issuer.close();
            }
            return results;
        }
    }

    private void writePath(Results results, EmbeddedKafka kafka, double rawInsert, double rawProduce)
            throws Exception {
        for (int threads : new int[]{1, 4}) {
            int commands = 2_000;
            try (TopicCounter topic = new TopicCounter(kafka.bootstrapServers(), JournalTopic.NAME)) {
                long start = System.nanoTime();
                write(commands, threads);
                double stored = commands / RawCeilings.seconds(start);
                topic.awaitAtLeast(commands, Duration.ofMinutes(5));
                double published = commands / RawCeilings.seconds(start);
                results.add("journal commands over HTTP, " + threads + " thread(s): stored (201)", rate(stored),
                            rate(rawInsert) + " raw insertOne", "command → MongoDB event store")
                       .add("… and published to Kafka (last one on the topic)", rate(published),
                            rate(rawProduce) + " raw produce (acks=all)", "tracking publisher, batch 100, waits for acks");
            }
        }
    }

    private void growth(Results results, MongoClient store) throws Exception {
        long stored = store.getDatabase("journal").getCollection("domainevents").countDocuments();
        write((int) Math.max(0, small - stored), 4);
        Latency atSmall = Latency.of(300, () -> post(client(0), "{\"score\":3}"));
        stored = store.getDatabase("journal").getCollection("domainevents").countDocuments();
        write((int) Math.max(0, large - stored), 4);
        Latency atLarge = Latency.of(300, () -> post(client(0), "{\"score\":3}"));
        results.add("mood check-in latency, " + small + " → " + large + " events stored", atSmall + " → " + atLarge, "",
                    String.format("ratio p50 %.2f×", atLarge.p50() / atSmall.p50()));
    }

    private void freshness(Results results, EmbeddedKafka kafka, int planPort) throws Exception {
        for (int perSecond : new int[]{10, 50}) {
            Latency raw = rawFreshness(kafka.bootstrapServers(), perSecond, 20);
            Latency dashboard = dashboardFreshness(planPort, perSecond, 20);
            results.add("client action → coach dashboard live stream, " + perSecond + "/s", dashboard.toString(),
                        "raw produce → consume " + raw, "HTTP → event store → publisher → Kafka → projection → SSE");
        }
    }

    /** Seconds of actions at a fixed rate; each is timed from its request to the dashboard event for its client. */
    private Latency dashboardFreshness(int planPort, int perSecond, int seconds) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> delays = java.util.Collections.synchronizedList(new ArrayList<>());
        HttpRequest streamRequest = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + planPort
                                                                      + "/api/dashboard/coaches/" + COACH + "/stream"))
                                               .header("Authorization", "Bearer " + tokens.get(COACH)).build();
        HttpResponse<java.io.InputStream> stream = http.send(streamRequest, HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(),
                                                                                 StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    long now = System.nanoTime();
                    if (line.startsWith("data:")) {
                        for (Map.Entry<String, Long> e : sentAt.entrySet()) {
                            if (line.contains("\"" + e.getKey() + "\"") && sentAt.remove(e.getKey()) != null) {
                                delays.add(now - e.getValue());
                            }
                        }
                    }
                }
            } catch (java.io.IOException ignored) {
                // stream closed at the end of the measurement
            }
        }, "bench-sse");
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(500);
        long interval = 1_000_000_000L / perSecond;
        long next = System.nanoTime();
        for (int i = 0; i < perSecond * seconds; i++) {
            String client = client(i % CLIENTS);
            while (sentAt.containsKey(client)) {
                Thread.sleep(1);
            }
            sentAt.put(client, System.nanoTime());
            post(client, "{\"score\":" + (1 + i % 5) + "}");
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!sentAt.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        stream.body().close();
        return percentiles(delays);
    }

    /** The same rate through a plain producer and consumer: the floor for any freshness figure. */
    private static Latency rawFreshness(String bootstrap, int perSecond, int seconds) throws Exception {
        String topic = "bench.fresh." + perSecond;
        List<Long> delays = java.util.Collections.synchronizedList(new ArrayList<>());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG,
                "bench-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            producer.send(new ProducerRecord<>(topic, "warm", "0")).get();
            consumer.subscribe(List.of(topic));
            consumer.poll(Duration.ofSeconds(5));
            AtomicInteger received = new AtomicInteger();
            int total = perSecond * seconds;
            Thread reader = new Thread(() -> {
                while (received.get() < total) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(20))) {
                        if (!"warm".equals(r.key())) {
                            delays.add(System.nanoTime() - Long.parseLong(r.value()));
                            received.incrementAndGet();
                        }
                    }
                }
            });
            reader.start();
            long interval = 1_000_000_000L / perSecond;
            long next = System.nanoTime();
            for (int i = 0; i < total; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i % CLIENTS, Long.toString(System.nanoTime())));
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            reader.join(30_000);
        }
        return percentiles(delays);
    }

    private static Latency percentiles(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Latency(Double.NaN, Double.NaN, Double.NaN);
        }
        return new Latency(sorted[sorted.length / 2] / 1e6, sorted[(int) Math.min(sorted.length - 1,
                                                                                   sorted.length * 0.99)] / 1e6,
                           sorted[sorted.length - 1] / 1e6);
    }

    private void write(int commands, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < commands) {
                    post(client(i % CLIENTS), "{\"score\":" + (1 + i % 5) + "}");
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
    }

    private String post(String client, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + journalPort + "/api/clients/" + client + "/journal/mood-check-ins"))
                .header("Authorization", "Bearer " + tokens.get(client)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("mood check-in answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private void assignPlans(String bootstrap) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            Instant now = Instant.now();
            for (int c = 0; c < CLIENTS; c++) {
                PlanAssigned assigned = new PlanAssigned("plan-" + client(c), client(c), COACH, "bench-program", 1,
                                                         LocalDate.now(ZoneOffset.UTC), "UTC", false, List.of(), now);
                producer.send(new ProducerRecord<>(PlanTopic.NAME, client(c), CloudEventJson.write(CloudEvent.of(
                        UUID.randomUUID().toString(), "/rekindle/bench", PlanAssigned.TYPE, client(c), now,
                        assigned)))).get();
            }
        }
    }

    private static ConfigurableApplicationContext startService(org.springframework.boot.SpringApplication app,
                                                               String database, EmbeddedMongo mongo,
                                                               EmbeddedKafka kafka, String issuer) {
        return app.run("--server.port=0", "--server.address=127.0.0.1",
                       "--spring.data.mongodb.uri=" + mongo.connectionString(), "--rekindle.mongo.database=" + database,
                       "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(), "--spring.main.banner-mode=off",
                       "--rekindle.security.issuer-uri=" + issuer, "--logging.level.root=WARN");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static String client(int c) {
        return String.format("bench-client-%02d", c);
    }

    private static String rate(double perSecond) {
        return String.format("%,.0f/s", perSecond);
    }

    /** Counts the records arriving on a topic from now on. */
    private static final class TopicCounter implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private int count;

        TopicCounter(String bootstrap, String topic) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                                                  ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                                                  ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                                           new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
        }

        void awaitAtLeast(int records, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count < records) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + count + " of " + records + " records were published");
                }
                count += consumer.poll(Duration.ofMillis(100)).count();
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
