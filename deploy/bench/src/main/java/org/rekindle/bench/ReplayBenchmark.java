package org.rekindle.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.plan.app.PlanApplication;
import org.rekindle.plan.events.PlanTopic;
import org.rekindle.platform.embedded.EmbeddedKafka;
import org.rekindle.platform.embedded.EmbeddedMongo;
import org.rekindle.platform.embedded.EmbeddedPostgresServer;
import org.rekindle.platform.embedded.Ports;
import org.rekindle.platform.publishing.CloudEventJson;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Replay: the coach dashboard rebuilt from the start of the journal and plan topics, at each history size, next to
 * a plain consumer reading the same records in the same run. Each rebuild is a plan-service with an empty read model
 * and no token in its own database: the state {@code POST /api/admin/projections/coach-dashboard/rebuild} leaves.
 * Its Spring Kafka listeners stay off: in a real rebuild their consumer groups are long past these records, and
 * their catch-up would compete with the projection for the two cores.
 */
final class ReplayBenchmark {

    private static final int CLIENTS = 50;

    private final List<Integer> sizes;

    ReplayBenchmark(List<Integer> sizes) {
        this.sizes = sizes.stream().sorted().toList();
    }

    Results run() throws Exception {
        Path data = Files.createTempDirectory("rekindle-bench-replay");
        int largest = sizes.get(sizes.size() - 1);
        try (EmbeddedMongo mongo = EmbeddedMongo.startOnDisk(data.resolve("mongo"), Ports.freePort());
             EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startOnDisk(data.resolve("postgres"),
                                                                                  Ports.freePort());
             EmbeddedKafka kafka = EmbeddedKafka.start(data.resolve("kafka"), Ports.freePort())) {
            // PostgreSQL runs as its own process: stop it also when the benchmark is interrupted (Ctrl-C).
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "bench-postgres-stop"));
            DashboardWorkload workload = new DashboardWorkload(CLIENTS, largest);
            String sample = CloudEventJson.write(workload.journalEvent(0, Instant.now()));
            double rawInsert = RawCeilings.mongoInsertOne(mongo.connectionString(), 10_000, sample);
            ConfigurableApplicationContext issuer = BenchIssuer.start(data, DashboardWorkload.COACH, List.of());
            Results results = Results.onThisMachine("Replay: coach dashboard rebuilt from the topics")
                    .setup("stack", "embedded: Kafka " + org.apache.kafka.common.utils.AppInfoParser.getVersion()
                                    + " (KRaft, one broker), MongoDB-wire server "
                                    + "(mongo-java-server, on disk), PostgreSQL (plan-service's event store, on disk)")
                    .setup("workload", "1 coach, " + CLIENTS + " clients with a 30-step plan, journal events ("
                                       + DashboardWorkload.MIX + ") produced straight onto the topics");
            try (KafkaProducer<String, String> producer = DashboardWorkload.producer(kafka.bootstrapServers())) {
                workload.assignPlans(producer);
                workload.produce(producer, 0, 1);
                results.setup("partitions", partitions(kafka.bootstrapServers()));
                int produced = 1;
                for (int size : sizes) {
                    workload.produce(producer, produced, size);
                    produced = size;
                    int records = size + CLIENTS;
                    double raw = consumeAll(kafka.bootstrapServers(), records);
                    Rebuild rebuild = rebuild(mongo, postgres, kafka, BenchIssuer.url(issuer), "replay-" + size, records);
                    double projecting = rebuild.projectingSeconds();
                    double replay = rebuild.afterStart() / projecting;
                    double withStart = records / rebuild.seconds();
                    System.out.printf("replay of %,d events: %s in %.0f s after the service's start (%s with it), "
                                      + "raw consumer %s%n", size, Results.rate(replay), projecting,
                                      Results.rate(withStart), Results.rate(raw));
                    results.add("dashboard rebuilt from " + String.format("%,d", size) + " events",
                                Results.rate(replay) + String.format(" (%.0f s)", projecting),
                                Results.rate(raw) + " raw consume (same records), " + Results.rate(rawInsert)
                                + " raw insertOne", String.format("ratio to raw consume %.3f: the records projected "
                                        + "from the moment the service was up to the last one, as the raw consumer "
                                        + "is timed from its own start; with the service's start (%.1f s) %s, "
                                        + "ratio %.3f; "
                                        + "tracking processor, %s segment(s), batch %s", replay / raw,
                                        rebuild.startSeconds(), Results.rate(withStart), withStart / raw,
                                        rebuild.segments(), rebuild.batchSize()),
                                Results.Figures.ratio(replay, raw, "events/s vs records/s consumed")
                                               .put("seconds", projecting)
                                               .put("service_start_seconds", rebuild.startSeconds())
                                               .put("ratio_with_service_start", withStart / raw)
                                               .put("raw_insert_one_per_s", rawInsert));
                }
            } finally {
                issuer.close();
            }
            return results;
        }
    }

    /**
     * {@code seconds} from launching the service to the last record projected; {@code startSeconds} until the service
     * was up; {@code afterStart} records it projected from then on, in {@code seconds - startSeconds}.
     */
    private record Rebuild(double seconds, double startSeconds, long afterStart, String segments, String batchSize) {

        double projectingSeconds() {
            return seconds - startSeconds;
        }
    }

    /** A fresh plan-service projecting every record from the start until its processor's token is at the end. */
    private static Rebuild rebuild(EmbeddedMongo mongo, EmbeddedPostgresServer postgres, EmbeddedKafka kafka,
                                  String issuer, String database, int records) throws Exception {
        long start = System.nanoTime();
        ConfigurableApplicationContext plan = BenchServices.start(PlanApplication.application(), database, mongo,
                                                                  postgres, kafka, issuer, "--spring.kafka.listener.auto-startup=false");
        double started = RawCeilings.seconds(start);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Map<TopicPartition, Long> ends = DashboardLag.endOffsets(admin, List.of(JournalTopic.NAME, PlanTopic.NAME));
            long afterStart = DashboardLag.of(plan, ends); // the processor starts inside the service's start
            long deadline = System.nanoTime() + Duration.ofMinutes(90).toNanos();
            long lastPrint = System.nanoTime();
            long behind;
            while ((behind = DashboardLag.of(plan, ends)) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the rebuild did not finish within 90 minutes");
                }
                if (System.nanoTime() - lastPrint > Duration.ofSeconds(60).toNanos()) {
                    System.out.printf("  … %,d of %,d projected%n", records - behind, records);
                    lastPrint = System.nanoTime();
                }
                Thread.sleep(100);
            }
            return new Rebuild(RawCeilings.seconds(start), started, afterStart,
                               plan.getEnvironment().getProperty("rekindle.dashboard.segments"),
                               plan.getEnvironment().getProperty("axon.eventhandling.processors.coach-dashboard.batch-size"));
        } finally {
            plan.close();
        }
    }

    private static String partitions(String bootstrap) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringDeserializer(),
                new StringDeserializer())) {
            return JournalTopic.NAME + " " + consumer.partitionsFor(JournalTopic.NAME).size() + ", " + PlanTopic.NAME
                   + " " + consumer.partitionsFor(PlanTopic.NAME).size();
        }
    }

    /** Records/s of a plain consumer reading both topics from the start, as the dashboard's source does. */
    private static double consumeAll(String bootstrap, int records) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG,
                "bench-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(JournalTopic.NAME, PlanTopic.NAME)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long start = System.nanoTime();
            int read = 0;
            while (read < records) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            return read / RawCeilings.seconds(start);
        }
    }
}
