package org.rekindle.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
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
import org.rekindle.notification.app.NotificationApplication;
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
 * journal commands/s over HTTP (stored, then published to Kafka) vs raw insertOne and raw producer; client action →
 * coach dashboard (its live stream) and client breach → coach's notification feed at 10 and 50 actions/s vs raw
 * produce → consume at the same rates; command and dashboard-query latency with {@code small} vs {@code large}
 * events of history.
 */
final class WriteBenchmark {

    private static final String COACH = DashboardWorkload.COACH;
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
            ConfigurableApplicationContext journal = BenchServices.start(JournalApplication.application(), "journal", mongo,
                                                                  kafka, issuerUrl);
            ConfigurableApplicationContext plan = BenchServices.start(PlanApplication.application(), "plan", mongo, kafka,
                                                               issuerUrl);
            journalPort = BenchServices.port(journal);
            ConfigurableApplicationContext notification = BenchServices.start(
                    NotificationApplication.application(), "notification", mongo, kafka, issuerUrl);
            int planPort = BenchServices.port(plan);
            OidcLogin login = OidcLogin.web(issuerUrl);
            tokens.put(COACH, login.accessToken(COACH, BenchIssuer.PASSWORD));
            for (int c = 0; c < CLIENTS; c++) {
                tokens.put(client(c), login.accessToken(client(c), BenchIssuer.PASSWORD));
            }
            Results results = Results.onThisMachine("Write path, growth and freshness")
                    .setup("stack", "embedded: Kafka (KRaft, one broker), MongoDB-wire server (mongo-java-server, "
                                    + "on disk); journal-, plan- and notification-service with token validation")
                    .setup("workload", CLIENTS + " clients writing mood check-ins over HTTP");
            try {
                assignPlans(kafka.bootstrapServers());
                writePath(results, kafka, rawInsert, rawProduce);
                Growth atSmall = growthAtSmall(store, kafka, planPort);
                freshness(results, kafka, planPort, BenchServices.port(notification));
                growthAtLarge(results, atSmall, store, kafka, journal, planPort, Duration.ofMinutes(3));
            } finally {
                notification.close();
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
                results.add("journal commands over HTTP, " + threads + " thread(s): stored (201)", Results.rate(stored),
                            Results.rate(rawInsert) + " raw insertOne", "command → MongoDB event store")
                       .add("… and published to Kafka (last one on the topic)", Results.rate(published),
                            Results.rate(rawProduce) + " raw produce (acks=all)", "tracking publisher, batch 100, waits for acks");
            }
        }
    }

    /** Latencies at one size of history, and whether every consumer had caught up when they were measured. */
    private record Growth(ConsumersCaughtUp.Settled settled, Latency.Timed command, Latency.Timed query) {
    }

    /** Commands over HTTP up to {@code small} events stored, every consumer caught up, then both latencies. */
    private Growth growthAtSmall(MongoClient store, EmbeddedKafka kafka, int planPort) throws Exception {
        MongoCollection<Document> events = store.getDatabase("journal").getCollection("domainevents");
        write((int) Math.max(0, small - events.estimatedDocumentCount()), 4);
        ConsumersCaughtUp.Settled settled = ConsumersCaughtUp.settle(store, kafka.bootstrapServers(), events, Duration.ofMinutes(30));
        return new Growth(settled, timedCommands(), timedQueries(planPort));
    }

    /**
     * History up to {@code large} appended through journal-service's event store ({@link JournalHistory}); the
     * consumers get {@code catchUp} to take it in, then both latencies are measured again, caught up or not.
     */
    private void growthAtLarge(Results results, Growth atSmall, MongoClient store, EmbeddedKafka kafka,
                               ConfigurableApplicationContext journal, int planPort, Duration catchUp)
            throws Exception {
        MongoCollection<Document> events = store.getDatabase("journal").getCollection("domainevents");
        long appendStart = System.nanoTime();
        JournalHistory.append(journal, (int) Math.max(0, large - events.estimatedDocumentCount()), 100);
        double appendSeconds = RawCeilings.seconds(appendStart);
        ConsumersCaughtUp.Settled settled = ConsumersCaughtUp.settle(store, kafka.bootstrapServers(), events, catchUp);
        Growth atLarge = new Growth(settled, timedCommands(), timedQueries(planPort));
        System.out.printf("growth: %,d → %,d stored; appended in %.0f s; %s%n", atSmall.settled().stored(),
                          settled.stored(), appendSeconds, settled);
        String history = String.format("%,d → %,d events stored", atSmall.settled().stored(), settled.stored());
        String state = settled.caughtUp() ? "consumers caught up at both sizes"
                : "at the larger size the publisher was still " + String.format("%,d", settled.unpublished())
                  + " events behind (measured while it caught up)";
        results.add("mood check-in command latency, " + history,
                    atSmall.command() + " → " + atLarge.command(), "",
                    String.format("ratio p50 %.2f×, p99 %.2f×; %s", atLarge.command().latency().p50() / atSmall.command().latency().p50(),
                                  atLarge.command().latency().p99() / atSmall.command().latency().p99(), state))
               .add("GET /api/dashboard/coaches/{id} latency, " + history,
                    atSmall.query() + " → " + atLarge.query(), "",
                    String.format("ratio p50 %.2f×; %d clients on the coach's dashboard", atLarge.query().latency().p50()
                                  / atSmall.query().latency().p50(), CLIENTS))
               .add("journal publisher after " + String.format("%,d", settled.stored() - atSmall.settled().stored())
                    + " events appended at once", settled.caughtUp()
                            ? String.format("caught up in %.0f s", settled.seconds())
                            : String.format("%,.1f events/s (%,d published in %.0f s, %,d to go)",
                                            settled.publishedDuring() / settled.seconds(), settled.publishedDuring(),
                                            settled.seconds(), settled.unpublished()),
                    "", "each tracking fetch scans the whole event store on the embedded server");
    }

    private Latency.Timed timedCommands() throws Exception {
        return Latency.within(Duration.ofMinutes(3), 300, () -> post(client(0), "{\"score\":3}"));
    }

    private Latency.Timed timedQueries(int planPort) throws Exception {
        return Latency.within(Duration.ofMinutes(1), 200, () -> get(planPort, "/api/dashboard/coaches/" + COACH, COACH));
    }

    private void freshness(Results results, EmbeddedKafka kafka, int planPort, int notificationPort)
            throws Exception {
        startNoContactPeriods();
        for (int perSecond : new int[]{10, 50}) {
            Latency raw = rawFreshness(kafka.bootstrapServers(), perSecond, 20);
            Latency dashboard = streamFreshness(URI.create("http://127.0.0.1:" + planPort + "/api/dashboard/coaches/"
                                                           + COACH + "/stream"), perSecond, 20,
                                                client -> post(client, "{\"score\":3}"));
            Latency feed = streamFreshness(URI.create("http://127.0.0.1:" + notificationPort + "/api/feed/" + COACH
                                                      + "/stream"), perSecond, 20,
                                           client -> post(client, "/contact-log/breaches",
                                                          "{\"channel\":\"TEXT\",\"initiatedBy\":\"CLIENT\"}"));
            results.add("client action → coach dashboard live stream, " + perSecond + "/s", dashboard.toString(),
                        "raw produce → consume " + raw, "HTTP → event store → publisher → Kafka → projection → SSE")
                   .add("client breach → coach's notification feed stream, " + perSecond + "/s", feed.toString(),
                        "as above", "HTTP → event store → publisher → Kafka → rules → outbox → delivery (schedule "
                                    + "polled every 500 ms) → feed → SSE");
        }
    }

    private void startNoContactPeriods() throws Exception {
        for (int c = 0; c < CLIENTS; c++) {
            post(client(c), "/contact-log/no-contact-periods", "{\"targetDays\":30}");
        }
    }

    private interface ClientAction {
        void run(String client) throws Exception;
    }

    /** Seconds of actions at a fixed rate; each is timed from its request to the dashboard event for its client. */
    private Latency streamFreshness(URI streamUri, int perSecond, int seconds, ClientAction action) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> delays = java.util.Collections.synchronizedList(new ArrayList<>());
        HttpRequest streamRequest = HttpRequest.newBuilder(streamUri)
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
            Long pending = sentAt.get(client);
            while (pending != null && System.nanoTime() - pending < Duration.ofSeconds(30).toNanos()) {
                Thread.sleep(1);
                pending = sentAt.get(client);
            }
            if (sentAt.remove(client) != null) {
                System.out.println("freshness: no update for " + client + " within 30 s; not counted");
            }
            sentAt.put(client, System.nanoTime());
            action.run(client);
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
        return Latency.ofNanos(delays);
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
        return Latency.ofNanos(delays);
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

    private String get(int port, String path, String user) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                                          .header("Authorization", "Bearer " + tokens.get(user))
                                                          .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private String post(String client, String body) throws Exception {
        return post(client, "/journal/mood-check-ins", body);
    }

    private String post(String client, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + journalPort + "/api/clients/" + client + path))
                .header("Authorization", "Bearer " + tokens.get(client)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
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


    private static String client(int c) {
        return DashboardWorkload.client(c);
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
