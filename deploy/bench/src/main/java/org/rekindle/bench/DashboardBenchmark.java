package org.rekindle.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.MoodCheckedIn;
import org.rekindle.journal.events.NoContactBroken;
import org.rekindle.journal.events.NoContactStarted;
import org.rekindle.journal.events.ReflectionCompleted;
import org.rekindle.journal.events.UrgeRecorded;
import org.rekindle.plan.app.PlanApplication;
import org.rekindle.plan.events.PlanAssigned;
import org.rekindle.plan.events.PlanStep;
import org.rekindle.plan.events.PlanTopic;
import org.rekindle.platform.embedded.EmbeddedKafka;
import org.rekindle.platform.embedded.EmbeddedMongo;
import org.rekindle.platform.embedded.OidcLogin;
import org.rekindle.platform.embedded.Ports;
import org.rekindle.platform.publishing.CloudEvent;
import org.rekindle.platform.publishing.CloudEventJson;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Issue 3's question: does the coach dashboard's cost depend on the coach's clients, not on the events? One coach,
 * {@code clients} clients, a tenth of {@code events} journal events first, then the rest; the same queries are
 * measured after each stage, with the documents the service reads per query, next to the raw broker and store.
 */
final class DashboardBenchmark {

    private static final String COACH = "bench-coach";

    private final int clients;
    private final int events;
    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    DashboardBenchmark(int clients, int events) {
        this.clients = clients;
        this.events = events;
    }

    Results run() throws Exception {
        Path data = Files.createTempDirectory("rekindle-bench");
        try (EmbeddedMongo mongo = EmbeddedMongo.startOnDisk(data.resolve("mongo"), Ports.freePort());
             EmbeddedKafka kafka = EmbeddedKafka.start(data.resolve("kafka"), Ports.freePort());
             MongoClient store = MongoClients.create(mongo.connectionString())) {
            String sample = CloudEventJson.write(cloudEvent(JournalTopic.NAME, 0, Instant.now()));
            double rawProduce = RawCeilings.kafkaProduce(kafka.bootstrapServers(), "bench.raw", events, sample);
            double rawConsume = RawCeilings.kafkaConsume(kafka.bootstrapServers(), "bench.raw", events);
            double rawInsert = RawCeilings.mongoInsertOne(mongo.connectionString(), Math.min(events, 10_000), sample);

            ConfigurableApplicationContext issuer = BenchIssuer.start(data, COACH, List.of());
            String issuerUrl = BenchIssuer.url(issuer);
            ConfigurableApplicationContext plan = startPlanService(mongo, kafka, issuerUrl);
            int port = Integer.parseInt(plan.getEnvironment().getProperty("local.server.port"));
            token = OidcLogin.web(issuerUrl).accessToken(COACH, BenchIssuer.PASSWORD);
            Results results = new Results("Coach dashboard: query cost as history grows")
                    .setup("date", LocalDate.now(ZoneOffset.UTC).toString())
                    .setup("machine", Runtime.getRuntime().availableProcessors() + " cores, Java "
                                      + System.getProperty("java.version"))
                    .setup("stack", "embedded: Kafka " + org.apache.kafka.common.utils.AppInfoParser.getVersion()
                                    + " (KRaft, one broker), MongoDB-wire server (mongo-java-server, on disk)")
                    .setup("workload", "1 coach, " + clients + " clients, " + events + " journal events "
                                       + "(mood 60 %, urges 20 %, reflections 15 %, no-contact 5 %) over 60 days");
            try (KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
                Instant first = Instant.now().minus(Duration.ofDays(60));
                for (int c = 0; c < clients; c++) {
                    send(producer, PlanTopic.NAME, client(c), PlanAssigned.TYPE, assigned(c, first), first).get();
                }
                int small = events / 10;
                long start = System.nanoTime();
                produce(producer, 0, small, first);
                awaitTimeline(store, clients + small);
                double stage1 = small / RawCeilings.seconds(start);
                Stage before = measure(port, small);

                start = System.nanoTime();
                produce(producer, small, events, first);
                awaitTimeline(store, clients + events);
                double stage2 = (events - small) / RawCeilings.seconds(start);
                Stage after = measure(port, events);

                results.add("dashboard projection catch-up (produce + project, " + small + " events)",
                            rate(stage1), rate(rawProduce) + " produce, " + rate(rawConsume) + " consume, "
                                          + rate(rawInsert) + " insertOne", "tracking processor, batch 100")
                       .add("dashboard projection catch-up (" + (events - small) + " more events)", rate(stage2),
                            "as above", "per processor batch: one write per changed row, one insertMany of timeline entries");
                addQuery(results, "GET /api/dashboard/coaches/{id}", before.dashboard(), after.dashboard(),
                         before.rowsRead(), after.rowsRead(), "documents read per query (dashboard_rows)");
                addQuery(results, "GET /api/dashboard/clients/{id}?asOf=(30 days ago)", before.asOf(), after.asOf(),
                         before.timelineRead(), after.timelineRead(),
                         "documents read per query (dashboard_timeline): one client's events up to asOf");
            } finally {
                plan.close();
                issuer.close();
            }
            return results;
        }
    }

    private record Stage(Latency dashboard, Latency asOf, double rowsRead, double timelineRead) {
    }

    private Stage measure(int port, int eventCount) throws Exception {
        int reps = 200;
        long rows = MongoReadCounter.INSTANCE.documentsRead("dashboard_rows");
        Latency dashboard = Latency.of(reps, () -> get(port, "/api/dashboard/coaches/" + COACH));
        double rowsRead = (MongoReadCounter.INSTANCE.documentsRead("dashboard_rows") - rows) / (double) (reps + 20);
        String asOf = Instant.now().minus(Duration.ofDays(30)).toString();
        long timeline = MongoReadCounter.INSTANCE.documentsRead("dashboard_timeline");
        int asOfReps = 50;
        Latency asOfLatency = Latency.of(asOfReps, () -> get(port, "/api/dashboard/clients/" + client(Math.min(7, clients - 1)) + "?asOf="
                                                                   + asOf));
        double timelineRead = (MongoReadCounter.INSTANCE.documentsRead("dashboard_timeline") - timeline)
                              / (double) (asOfReps + 20);
        System.out.printf("after %d events: dashboard %s (%.0f rows read), asOf %s (%.0f timeline docs read)%n",
                          eventCount, dashboard, rowsRead, asOfLatency, timelineRead);
        return new Stage(dashboard, asOfLatency, rowsRead, timelineRead);
    }

    private static void addQuery(Results results, String query, Latency small, Latency large, double readSmall,
                                 double readLarge, String readNote) {
        results.add(query + " — latency", small + " → " + large,
                    "", String.format("ratio p50 %.2f×", large.p50() / small.p50()))
               .add(query + " — reads", String.format("%.0f → %.0f", readSmall, readLarge), "",
                    readNote);
    }

    private ConfigurableApplicationContext startPlanService(EmbeddedMongo mongo, EmbeddedKafka kafka, String issuer) {
        SpringApplication app = PlanApplication.application();
        app.addPrimarySources(List.of(MongoReadCounter.class));
        return app.run("--server.port=0", "--server.address=127.0.0.1",
                       "--spring.data.mongodb.uri=" + mongo.connectionString(), "--rekindle.mongo.database=plan",
                       "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(), "--spring.main.banner-mode=off",
                       "--rekindle.security.issuer-uri=" + issuer,
                       "--logging.level.root=WARN");
    }

    private void produce(KafkaProducer<String, String> producer, int from, int to, Instant first) throws Exception {
        Duration step = Duration.ofDays(60).dividedBy(events);
        Future<?> last = null;
        for (int i = from; i < to; i++) {
            Instant at = first.plus(step.multipliedBy(i));
            last = producer.send(new ProducerRecord<>(JournalTopic.NAME, client(i % clients),
                                                      CloudEventJson.write(cloudEvent(JournalTopic.NAME, i, at))));
        }
        last.get();
    }

    private CloudEvent cloudEvent(String topic, int i, Instant at) {
        String client = client(i % clients);
        int kind = i % 20;
        Record data;
        String type;
        if (kind < 12) {
            data = new MoodCheckedIn(client, "m" + i, 1 + i % 5, 7.0, at);
            type = MoodCheckedIn.TYPE;
        } else if (kind < 16) {
            data = new UrgeRecorded(client, "u" + i, i % 3 != 0, at);
            type = UrgeRecorded.TYPE;
        } else if (kind < 19) {
            data = new ReflectionCompleted(client, "r" + i, "prompt-" + i % 9, at);
            type = ReflectionCompleted.TYPE;
        } else if (i % 40 == 19) {
            data = new NoContactStarted(client, "p" + i, 30, at);
            type = NoContactStarted.TYPE;
        } else {
            data = new NoContactBroken(client, "p" + (i - 20), "b" + i, "TEXT", "CLIENT", 3, at);
            type = NoContactBroken.TYPE;
        }
        return CloudEvent.of(UUID.randomUUID().toString(), "/rekindle/bench", type, client, at, data);
    }

    private static Future<?> send(KafkaProducer<String, String> producer, String topic, String key, String type,
                                  Record data, Instant at) {
        return producer.send(new ProducerRecord<>(topic, key, CloudEventJson.write(
                CloudEvent.of(UUID.randomUUID().toString(), "/rekindle/bench", type, key, at, data))));
    }

    private PlanAssigned assigned(int c, Instant at) {
        LocalDate start = LocalDate.ofInstant(at, ZoneOffset.UTC);
        List<PlanStep> steps = new ArrayList<>();
        IntStream.range(0, 30).forEach(s -> steps.add(new PlanStep("step-" + s, "phase-" + s / 4, "EXERCISE",
                                                                   "Step " + s, start.plusDays(s * 3L))));
        return new PlanAssigned("plan-" + client(c), client(c), COACH, "bench-program", 1, start, "UTC", false, steps,
                                at);
    }

    private void awaitTimeline(MongoClient store, long expected) throws InterruptedException {
        var timeline = store.getDatabase("plan").getCollection("dashboard_timeline");
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (timeline.countDocuments() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the dashboard did not catch up with " + expected + " events");
            }
            Thread.sleep(250);
        }
    }

    private String get(int port, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                                          .header("Authorization", "Bearer " + token).build(),
                                                  HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                                          ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
                                   new StringSerializer());
    }

    private static String client(int c) {
        return String.format("bench-client-%02d", c);
    }

    private static String rate(double perSecond) {
        return String.format("%,.0f/s", perSecond);
    }
}
