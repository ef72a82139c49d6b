package org.rekindle.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
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
import org.rekindle.platform.embedded.EmbeddedPostgresServer;
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

    private static final String COACH = DashboardWorkload.COACH;

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
             EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startOnDisk(data.resolve("postgres"),
                                                                                  Ports.freePort());
             EmbeddedKafka kafka = EmbeddedKafka.start(data.resolve("kafka"), Ports.freePort())) {
            // PostgreSQL runs as its own process: stop it also when the benchmark is interrupted (Ctrl-C).
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "bench-postgres-stop"));
            DashboardWorkload workload = new DashboardWorkload(clients, events);
            String sample = CloudEventJson.write(workload.journalEvent(0, Instant.now()));
            double rawProduce = RawCeilings.kafkaProduce(kafka.bootstrapServers(), "bench.raw", events, sample);
            double rawConsume = RawCeilings.kafkaConsume(kafka.bootstrapServers(), "bench.raw", events);
            double rawInsert = RawCeilings.mongoInsertOne(mongo.connectionString(), Math.min(events, 10_000), sample);
            RawCeilings.RawInsert rawRow = RawCeilings.postgresInsert(postgres, 1, java.time.Duration.ofSeconds(5), 300);

            ConfigurableApplicationContext issuer = BenchIssuer.start(data, COACH, List.of());
            String issuerUrl = BenchIssuer.url(issuer);
            ConfigurableApplicationContext plan = startPlanService(mongo, postgres, kafka, issuerUrl);
            int port = Integer.parseInt(plan.getEnvironment().getProperty("local.server.port"));
            token = OidcLogin.web(issuerUrl).accessToken(COACH, BenchIssuer.PASSWORD);
            Results results = Results.onThisMachine("Coach dashboard: query cost as history grows")
                    .setup("stack", "embedded: Kafka " + org.apache.kafka.common.utils.AppInfoParser.getVersion()
                                    + " (KRaft, one broker), MongoDB-wire server (mongo-java-server, on disk)")
                    .setup("workload", "1 coach, " + clients + " clients, " + events + " journal events "
                                       + "(" + DashboardWorkload.MIX + ") over 60 days");
            try (KafkaProducer<String, String> producer = DashboardWorkload.producer(kafka.bootstrapServers())) {
                workload.assignPlans(producer);
                workload.produceLongHistory(producer);
                int longHistory = 1 + DashboardWorkload.LONG_HISTORY_EVENTS;
                int small = events / 10;
                long start = System.nanoTime();
                workload.produce(producer, 0, small);
                awaitDashboard(plan, kafka);
                double stage1 = small / RawCeilings.seconds(start);
                double listeners1 = awaitListeners(kafka);
                Stage before = measure(port, small);
                StoredSizes.Size rowsBefore = StoredSizes.of(mongo.connectionString(), "plan", "dashboard_rows");

                start = System.nanoTime();
                workload.produce(producer, small, events);
                awaitDashboard(plan, kafka);
                double stage2 = (events - small) / RawCeilings.seconds(start);
                double listeners2 = awaitListeners(kafka);
                System.out.printf("plan-service's listeners caught up %.1f s and %.1f s after the dashboard%n",
                                  listeners1, listeners2);
                Stage after = measure(port, events);
                StoredSizes.Size rowsAfter = StoredSizes.of(mongo.connectionString(), "plan", "dashboard_rows");
                System.out.printf("dashboard_rows: %s -> %s%n", rowsBefore, rowsAfter);

                results.setup("queries timed", String.format("once plan-service's listeners had caught up too "
                                                             + "(%.1f s and %.1f s after the dashboard)", listeners1,
                                                             listeners2));
                results.add("dashboard projection catch-up (produce + project, " + small + " events)",
                            Results.rate(stage1), Results.rate(rawProduce) + " produce, " + Results.rate(rawConsume) + " consume, "
                                          + Results.rate(rawInsert) + " insertOne, " + rawRow,
                            "tracking processor", Results.Figures.ratio(stage1, rawConsume, "events/s vs records/s consumed")
                                                                 .put("raw_produce_per_s", rawProduce)
                                                                 .put("raw_insert_one_per_s", rawInsert)
                                                                 .put("raw_insert_row_per_s", rawRow.perSecond()))
                       .add("dashboard projection catch-up (" + (events - small) + " more events)", Results.rate(stage2),
                            "as above", "per processor batch: one bulk write of changed rows, one of the days the events fall in (a document per client and day)",
                            Results.Figures.ratio(stage2, rawConsume, "events/s vs records/s consumed"));
                addQuery(results, "GET /api/dashboard/coaches/{id}", before.dashboard(), after.dashboard(),
                         before.rowsRead(), after.rowsRead(),
                         "documents read per query (dashboard_coach_rows and dashboard_rows; rows held in memory at their version are not read)");
                results.add("dashboard_rows stored",
                            String.format("%,.0f → %,.0f bytes a row", rowsBefore.averageBytes(),
                                          rowsAfter.averageBytes()), "",
                            rowsBefore.documents() + " → " + rowsAfter.documents() + " rows; the store decodes a row "
                            + "whole before leaving out its contact marks (the coach's dashboard reads the rows it "
                            + "does not hold, the processor each batch's rows' versions)",
                            new Results.Figures().put("value", rowsAfter.averageBytes())
                                                 .put("before", rowsBefore.averageBytes()).put("unit", "bytes a row"));
                addQuery(results, "GET /api/dashboard/clients/{id}?asOf=(30 days ago)", before.asOf(), after.asOf(),
                         before.timelineRead(), after.timelineRead(),
                         "documents read per query (dashboard_timeline_days): the days of asOf's month up to asOf, from the row at the end of the month before");
                addQuery(results, "GET /api/dashboard/clients/{id}?asOf=(any day of two years of daily history, "
                                  + DashboardWorkload.LONG_HISTORY_EVENTS + " events)", before.longAsOf(),
                         after.longAsOf(), before.longTimelineRead(), after.longTimelineRead(),
                         "documents read per query (dashboard_timeline_days): the days of asOf's month up to asOf, "
                         + "from the row at the end of the month before");
            } finally {
                plan.close();
                issuer.close();
            }
            return results;
        }
    }

    private record Stage(Latency dashboard, Latency asOf, double rowsRead, double timelineRead, Latency longAsOf,
                         double longTimelineRead) {
    }

    private Stage measure(int port, int eventCount) throws Exception {
        int reps = Integer.getInteger("rekindle.bench.reps", 200);
        long rows = rowDocumentsRead();
        Latency dashboard = Latency.of(reps, () -> get(port, "/api/dashboard/coaches/" + COACH));
        double rowsRead = (rowDocumentsRead() - rows) / (double) (reps + 20);
        String asOf = Instant.now().minus(Duration.ofDays(30)).toString();
        long timeline = MongoReadCounter.INSTANCE.documentsRead("dashboard_timeline_days");
        int asOfReps = 50;
        Latency asOfLatency = Latency.of(asOfReps, () -> get(port, "/api/dashboard/clients/" + DashboardWorkload.client(Math.min(7, clients - 1)) + "?asOf="
                                                                   + asOf));
        double timelineRead = (MongoReadCounter.INSTANCE.documentsRead("dashboard_timeline_days") - timeline)
                              / (double) (asOfReps + 20);
        Instant now = Instant.now();
        java.util.concurrent.atomic.AtomicInteger day = new java.util.concurrent.atomic.AtomicInteger();
        long longTimeline = MongoReadCounter.INSTANCE.documentsRead("dashboard_timeline_days");
        int longReps = 200;
        // A different day each time, 37 days apart, so the queries land in every month of the two years.
        Latency longAsOf = Latency.of(longReps, () -> get(port, "/api/dashboard/clients/"
                + DashboardWorkload.LONG_HISTORY_CLIENT + "?asOf=" + now.minus(Duration.ofDays(
                        1 + (day.getAndIncrement() * 37L) % 725))));
        double longTimelineRead = (MongoReadCounter.INSTANCE.documentsRead("dashboard_timeline_days") - longTimeline)
                                  / (double) (longReps + 20);
        System.out.printf("after %d events: dashboard %s (%.0f rows read), asOf %s (%.0f timeline docs read), "
                          + "two-year asOf %s (%.0f timeline docs read)%n", eventCount, dashboard, rowsRead,
                          asOfLatency, timelineRead, longAsOf, longTimelineRead);
        return new Stage(dashboard, asOfLatency, rowsRead, timelineRead, longAsOf, longTimelineRead);
    }

    /** The coach's list of rows and the rows read, all told. */
    private static long rowDocumentsRead() {
        return MongoReadCounter.INSTANCE.documentsRead("dashboard_coach_rows")
               + MongoReadCounter.INSTANCE.documentsRead("dashboard_rows");
    }

    private static void addQuery(Results results, String query, Latency small, Latency large, double readSmall,
                                 double readLarge, String readNote) {
        results.add(query + " — latency", small + " → " + large,
                    "", String.format("ratio p50 %.2f×", large.p50() / small.p50()),
                    new Results.Figures().put("p50_ms", large.p50()).put("p99_ms", large.p99())
                                         .put("before_p50_ms", small.p50()).put("before_p99_ms", small.p99())
                                         .put("ratio", large.p50() / small.p50()).put("unit", "ms"))
               .add(query + " — reads", String.format("%.0f → %.0f", readSmall, readLarge), "",
                    readNote);
    }

    private ConfigurableApplicationContext startPlanService(EmbeddedMongo mongo, EmbeddedPostgresServer postgres,
                                                           EmbeddedKafka kafka, String issuer) {
        SpringApplication app = PlanApplication.application();
        app.addPrimarySources(List.of(MongoReadCounter.class));
        return BenchServices.start(app, "plan", mongo, postgres, kafka, issuer);
    }

    /** Until the dashboard's processor has taken in every record on the journal and plan topics. */
    private static void awaitDashboard(ConfigurableApplicationContext plan, EmbeddedKafka kafka) throws Exception {
        awaitCaughtUp(kafka, "the dashboard", (admin, ends) -> {
            long lag = DashboardLag.of(plan, ends);
            return lag > 0 ? lag + " records" : "";
        });
    }

    /**
     * Until plan-service's other consumers of the two topics (its Kafka listeners) have committed every record too, so
     * the queries are timed on a service that is not still catching up; returns the seconds this took.
     */
    private static double awaitListeners(EmbeddedKafka kafka) throws Exception {
        return awaitCaughtUp(kafka, "plan-service's listeners", (admin, ends) -> {
            Map<String, Long> lags = ConsumersCaughtUp.groupLags(admin, ends);
            return lags.isEmpty() ? "" : lags.toString();
        });
    }

    /** What is still behind these end offsets, in words; empty once caught up. */
    private interface Behind {
        String of(Admin admin, Map<TopicPartition, Long> ends) throws Exception;
    }

    /** Polls every 100 ms, at most 30 minutes, until nothing is behind the two topics' current ends; returns seconds. */
    private static double awaitCaughtUp(EmbeddedKafka kafka, String who, Behind behind) throws Exception {
        long start = System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Map<TopicPartition, Long> ends = DashboardLag.endOffsets(admin, List.of(JournalTopic.NAME, PlanTopic.NAME));
            long deadline = start + Duration.ofMinutes(30).toNanos();
            String left;
            while (!(left = behind.of(admin, ends)).isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(who + " did not catch up within 30 minutes: " + left);
                }
                Thread.sleep(100);
            }
        }
        return RawCeilings.seconds(start);
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

}
