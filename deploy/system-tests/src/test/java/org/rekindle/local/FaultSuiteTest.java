package org.rekindle.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.MoodCheckedIn;
import org.rekindle.platform.publishing.CloudEvent;
import org.rekindle.platform.publishing.CloudEventJson;
import org.rekindle.platform.embedded.EmbeddedPostgresServer;
import org.rekindle.platform.embedded.OidcLogin;
import org.rekindle.platform.testing.CloudEventProducer;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.TopicRecorder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rekindle.local.StackUnderTest.http;

/**
 * Breaking things on purpose against the whole embedded stack, each scenario bounded in time and ending with a
 * summary line (sent, acked, consumed, lost, duplicated). Scenario numbers follow issue 7.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {

    private static final List<String> CLIENTS = List.of("client-sam", "client-priya", "client-jordan");
    private static final Map<String, String> PASSWORDS = Map.of("client-sam", "demo-sam", "client-priya",
            "demo-priya", "client-jordan", "demo-jordan", "client-alex", "demo-alex", "coach-maya", "demo-maya",
            "coach-leo", "demo-leo");

    private static LocalStack stack;
    private static MongoClient mongo;
    private static final Map<String, String> tokens = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        stack = new LocalStack(StackUnderTest.settings(Files.createTempDirectory("rekindle-faults")));
        stack.start();
        mongo = MongoClients.create(stack.mongoConnectionString());
        OidcLogin login = OidcLogin.web(stack.issuerUrl());
        PASSWORDS.forEach((user, password) -> tokens.put(user, login.accessToken(user, password)));
        for (String client : CLIENTS) {
            assign(client, "coach-maya");
        }
        assign("client-alex", "coach-leo");
    }

    @AfterAll
    static void stop() {
        FaultReport.printAll();
        mongo.close();
        stack.close();
    }

    /** 8. Malformed, oversized, wrong-typed and injection-style input on every endpoint: no 5xx, no state change. */
    @Test
    @Order(1)
    void badInputOnEveryEndpointOfEveryServiceIsRefusedWithoutAServerErrorOrAChange() throws Exception {
        journal("client-alex").post("/api/clients/client-alex/journal/mood-check-ins", "{\"score\":3}");
        Thread.sleep(5000);
        Map<String, String> services = Map.of("journal", stack.journalUrl(), "content", stack.contentUrl(),
                                              "plan", stack.planUrl(), "notification", stack.notificationUrl());
        List<String> serverErrors = new ArrayList<>();
        List<String> changedOnRefusal = new ArrayList<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<String> accepted = new ArrayList<>();
        services.forEach((service, url) -> {
            JsonNode api = Json.parse(http(url).get("/v3/api-docs").body());
            api.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                if (path.getKey().endsWith("/stream")) {
                    return;
                }
                for (String[] attempt : BadInput.attempts(path.getKey(), op.getKey(), op.getValue(), api)) {
                    for (String caller : List.of("client-alex", "coach-leo")) {
                        long before = storedState(service);
                        HttpResponse<String> response = http(url).as(tokens.get(caller)).send(
                                BadInput.request(url, attempt));
                        sent.incrementAndGet();
                        String what = service + " " + op.getKey().toUpperCase() + " " + attempt[0] + " as " + caller
                                      + " (" + attempt[2] + ") -> " + response.statusCode();
                        if (response.statusCode() < 300) {
                            accepted.add(what);
                        }
                        if (response.statusCode() >= 500) {
                            serverErrors.add(what + " " + response.body());
                        } else if (response.statusCode() >= 400) {
                            refused.incrementAndGet();
                            if (storedState(service) != before) {
                                changedOnRefusal.add(what);
                            }
                        }
                    }
                }
            }));
        });
        FaultReport.line("8 bad input on every endpoint", sent.get(), 0, 0, 0, 0,
                         "2xx=" + accepted.size() + " (literal search text) 4xx=" + refused.get() + " 5xx="
                         + serverErrors.size() + " state changes on refusal=" + changedOnRefusal.size());
        accepted.forEach(a -> System.out.println("  accepted as valid: " + a));
        assertThat(serverErrors).as("server errors for bad input").isEmpty();
        assertThat(changedOnRefusal).as("refused requests that changed something").isEmpty();
        assertThat(refused.get()).as("most bad input is refused").isGreaterThan(sent.get() / 2);
    }

    /** 7. Concurrent commands on one aggregate: no lost update; conflicts surface as 409. */
    @Test
    @Order(2)
    void concurrentCommandsOnOneJournalLoseNothingAndConflictsAre409() throws Exception {
        String client = "client-alex";
        Http journal = journal(client);
        String base = "/api/clients/" + client + "/journal";
        String apology = Json.parse(journal.post(base + "/apologies", "{\"text\":\"v1\"}").body()).get("entryId")
                             .asText();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        List<Integer> versions = new CopyOnWriteArrayList<>();
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int thread = i;
            work.add(pool.submit(() -> {
                for (int j = 0; j < 10; j++) {
                    HttpResponse<String> checkIn = journal.post(base + "/mood-check-ins", "{\"score\":4}");
                    statuses.add(checkIn.statusCode());
                    HttpResponse<String> revision = journal.post(base + "/apologies/" + apology + "/revisions",
                            "{\"text\":\"revision " + thread + "-" + j + "\"}");
                    statuses.add(revision.statusCode());
                    if (revision.statusCode() == 201) {
                        versions.add(Json.parse(revision.body()).get("version").asInt());
                    }
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        long accepted = statuses.stream().filter(s -> s == 201).count();
        long conflicts = statuses.stream().filter(s -> s == 409).count();
        assertThat(statuses).as("every answer is 201 or 409").allMatch(s -> s == 201 || s == 409);
        assertThat(new HashSet<>(versions)).as("every accepted revision got its own version").hasSize(versions.size());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode entry = Json.parse(journal.get(base + "/entries/" + apology).body());
            assertThat(entry.get("versions").size()).as("versions stored = 1 + accepted revisions")
                                                    .isEqualTo(1 + versions.size());
        });
        FaultReport.line("7 concurrent commands on one aggregate", statuses.size(), accepted, accepted, 0, 0,
                         "409=" + conflicts + " revisions=" + versions.size() + " (versions unique, none lost; one "
                         + "instance serializes commands per aggregate, so conflicts only arise across instances)");
    }

    /** 4. A burst larger than a processor batch from two writer threads: publication keeps going, order holds. */
    @Test
    @Order(3)
    void aBurstFromTwoWritersIsPublishedCompletelyAndInOrderPerClient() throws Exception {
        try (TopicRecorder topic = new TopicRecorder(stack.kafkaBootstrapServers(), JournalTopic.NAME)) {
            Map<String, List<String>> written = new ConcurrentHashMap<>();
            ExecutorService writers = Executors.newFixedThreadPool(2);
            List<Future<?>> work = new ArrayList<>();
            List<List<String>> byWriter = List.of(List.of("client-sam", "client-jordan"), List.of("client-priya"));
            for (List<String> clients : byWriter) {
                work.add(writers.submit(() -> {
                    for (int i = 0; i < 150 / clients.size(); i++) {
                        for (String client : clients) {
                            HttpResponse<String> r = journal(client).post("/api/clients/" + client
                                    + "/journal/mood-check-ins", "{\"score\":" + (1 + i % 5) + "}");
                            assertThat(r.statusCode()).isEqualTo(201);
                            written.computeIfAbsent(client, c -> new CopyOnWriteArrayList<>())
                                   .add(Json.parse(r.body()).get("entryId").asText());
                        }
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            writers.shutdown();
            int sent = written.values().stream().mapToInt(List::size).sum();
            await().atMost(Duration.ofSeconds(60)).until(() -> written.entrySet().stream().allMatch(
                    e -> entryIdsOnTopic(topic, e.getKey()).containsAll(e.getValue())));
            long duplicated = 0;
            for (Map.Entry<String, List<String>> e : written.entrySet()) {
                List<String> published = entryIdsOnTopic(topic, e.getKey()).stream()
                                                                            .filter(e.getValue()::contains).toList();
                assertThat(published).as("per-client order on the topic = the order written")
                                     .containsExactlyElementsOf(e.getValue());
                duplicated += published.size() - new HashSet<>(published).size();
            }
            FaultReport.line("4 burst > batch size from two writers", sent, sent, sent, 0, duplicated,
                             "batch size 100, " + written.size() + " clients, per-client order held");
        }
    }

    /** 2. Kafka unavailable while commands keep flowing, then back: no gap, no reordering per client. */
    @Test
    @Order(4)
    void whileKafkaIsDownCommandsAreStoredAndPublishedInOrderWhenItReturns() throws Exception {
        Map<String, List<String>> written = new LinkedHashMap<>();
        stack.stopKafka();
        try {
            for (int i = 0; i < 10; i++) {
                for (String client : CLIENTS) {
                    HttpResponse<String> r = journal(client).post("/api/clients/" + client
                                                                  + "/journal/mood-check-ins", "{\"score\":2}");
                    assertThat(r.statusCode()).as("the journal keeps taking commands while Kafka is away")
                                              .isEqualTo(201);
                    written.computeIfAbsent(client, c -> new ArrayList<>())
                           .add(Json.parse(r.body()).get("entryId").asText());
                }
            }
        } finally {
            stack.startKafka();
        }
        int sent = written.values().stream().mapToInt(List::size).sum();
        Map<String, List<String>> published = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            published.clear();
            for (ConsumerRecord<String, String> r : TopicRecorder.everything(stack.kafkaBootstrapServers(),
                                                                             JournalTopic.NAME)) {
                String entryId = Json.parse(r.value()).path("data").path("entryId").asText();
                if (written.containsKey(r.key()) && written.get(r.key()).contains(entryId)) {
                    published.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(entryId);
                }
            }
            return written.entrySet().stream().allMatch(e -> published.getOrDefault(e.getKey(), List.of())
                                                                      .containsAll(e.getValue()));
        });
        long duplicated = 0;
        for (Map.Entry<String, List<String>> e : written.entrySet()) {
            List<String> order = new ArrayList<>(new java.util.LinkedHashSet<>(published.get(e.getKey())));
            assertThat(order).as("no gap and no reordering for " + e.getKey()).containsExactlyElementsOf(e.getValue());
            duplicated += published.get(e.getKey()).size() - order.size();
        }
        FaultReport.line("2 Kafka down while commands flow", sent, sent, sent, 0, duplicated,
                         "published after the broker returned, per-client order held");
    }

    /** 6. Every record delivered twice: no double counts in the dashboard, the timeline or the feeds. */
    @Test
    @Order(5)
    void everyRecordDeliveredTwiceChangesNoCount() throws Exception {
        String client = "client-jordan";
        Http journal = journal(client);
        journal.post("/api/clients/" + client + "/contact-log/no-contact-periods", "{\"targetDays\":30}");
        for (int i = 0; i < 3; i++) {
            journal.post("/api/clients/" + client + "/contact-log/breaches",
                         "{\"channel\":\"TEXT\",\"initiatedBy\":\"CLIENT\"}");
        }
        Http coach = http(stack.planUrl()).as(tokens.get("coach-maya"));
        Http feeds = http(stack.notificationUrl()).as(tokens.get("coach-maya"));
        String marker1 = checkInMarker(client);
        await().atMost(Duration.ofSeconds(60)).until(() -> timelineHasEntry(coach, client, marker1));
        Thread.sleep(2000);
        List<String> timelineBefore = timelineIds(coach, client);
        JsonNode rowBefore = Json.parse(coach.get("/api/dashboard/clients/" + client).body());
        int feedBefore = settledFeedSize(feeds);

        List<ConsumerRecord<String, String>> records = TopicRecorder.everything(stack.kafkaBootstrapServers(),
                                                                                JournalTopic.NAME);
        assertThat(records).anyMatch(r -> r.value().contains(marker1));
        try (CloudEventProducer producer = new CloudEventProducer(stack.kafkaBootstrapServers())) {
            records.forEach(r -> producer.sendRaw(JournalTopic.NAME, r.key(), r.value()));
        }
        for (String key : new HashSet<>(records.stream().map(ConsumerRecord::key).toList())) {
            if (CLIENTS.contains(key)) {
                String marker = checkInMarker(key);
                await().atMost(Duration.ofSeconds(90)).until(() -> timelineHasEntry(coach, key, marker));
            }
        }
        Thread.sleep(3000);
        List<String> timelineAfter = timelineIds(coach, client);
        JsonNode rowAfter = Json.parse(coach.get("/api/dashboard/clients/" + client).body());
        int feedAfter = settledFeedSize(feeds);
        assertThat(timelineAfter).as("the timeline holds each event once").doesNotHaveDuplicates();
        assertThat(timelineAfter.size()).as("only the fresh markers were added").isEqualTo(timelineBefore.size() + 1);
        assertThat(rowAfter.get("breachesLast7Days")).isEqualTo(rowBefore.get("breachesLast7Days"));
        assertThat(feedAfter).as("no alert twice").isEqualTo(feedBefore);
        FaultReport.line("6 every record delivered twice", records.size(), records.size(), 2L * records.size(), 0,
                         timelineAfter.size() - new HashSet<>(timelineAfter).size(),
                         "dashboard, timeline and feeds unchanged by the copies");
    }

    /**
     * 1. The broker is killed at about 30 % of a 20,000-event stream and restarted: every event the broker
     * acknowledged reaches a fresh consumer and the coach dashboard's timeline, each exactly once.
     */
    @Test
    @Order(6)
    void theBrokerKilledMidStreamLosesNoAcknowledgedEvent() throws Exception {
        int total = 20_000;
        String run = "f1-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "-";
        Set<String> acked = ConcurrentHashMap.newKeySet();
        AtomicInteger failed = new AtomicInteger();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000, ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000,
                ProducerConfig.LINGER_MS_CONFIG, 5);
        Thread killer = null;
        AtomicInteger ackedWhenKilled = new AtomicInteger(-1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                                                                          new StringSerializer())) {
            for (int i = 0; i < total; i++) {
                String client = CLIENTS.get(i % CLIENTS.size());
                String id = run + i;
                Instant at = Instant.now();
                String json = CloudEventJson.write(CloudEvent.of(id, "/rekindle/fault-suite", MoodCheckedIn.TYPE,
                        client, at, new MoodCheckedIn(client, id, 1 + i % 5, null, at)));
                producer.send(new ProducerRecord<>(JournalTopic.NAME, client, json), (metadata, error) -> {
                    if (error == null) {
                        acked.add(id);
                    } else {
                        failed.incrementAndGet();
                    }
                });
                if (i == total * 3 / 10) {
                    killer = new Thread(() -> {
                        stack.stopKafka();
                        ackedWhenKilled.set(acked.size());
                        sleep(3000);
                        stack.startKafka();
                    });
                    killer.start();
                }
            }
            producer.flush();
        }
        killer.join();
        List<ConsumerRecord<String, String>> onTopic = TopicRecorder.everything(stack.kafkaBootstrapServers(),
                                                                                JournalTopic.NAME);
        Map<String, Integer> consumed = new java.util.HashMap<>();
        onTopic.stream().map(r -> Json.parse(r.value()).get("id").asText()).filter(id -> id.startsWith(run))
               .forEach(id -> consumed.merge(id, 1, Integer::sum));
        long lost = acked.stream().filter(id -> !consumed.containsKey(id)).count();
        long duplicated = consumed.values().stream().filter(n -> n > 1).count();
        Http coach = http(stack.planUrl()).as(tokens.get("coach-maya"));
        long catchUpStarted = System.nanoTime();
        // Reading 20k timeline rows is itself heavy on the embedded store (a page reads its month's bucket: about 7,000
        // rows a client here), so the wait first watches each client's newest row for their last acknowledged event,
        // cheap, and only then reads every row, which must hold every acknowledged event.
        Map<String, String> lastAcked = new java.util.HashMap<>();
        for (int i = 0; i < total; i++) {
            if (acked.contains(run + i)) {
                lastAcked.put(CLIENTS.get(i % CLIENTS.size()), run + i);
            }
        }
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Map<String, String> newest = new java.util.HashMap<>();
            CLIENTS.forEach(c -> newest.put(c, String.valueOf(newestTimelineId(coach, c, run))));
            long reached = CLIENTS.stream().filter(c -> lastAcked.get(c) == null
                                                        || lastAcked.get(c).equals(newest.get(c))).count();
            System.out.printf("broker-kill scenario: %d of %d clients' last acknowledged event on the dashboard after "
                              + "%d s (newest %s, last acknowledged %s, send failures %d)%n", reached, CLIENTS.size(),
                              (System.nanoTime() - catchUpStarted) / 1_000_000_000, newest, lastAcked, failed.get());
            return reached == CLIENTS.size();
        });
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(10)).until(() -> {
            long projectedSoFar = CLIENTS.stream()
                    .mapToLong(c -> timelineIds(coach, c).stream().filter(id -> id.startsWith(run)).count()).sum();
            System.out.printf("broker-kill scenario: %d of %d acknowledged events on the dashboard after %d s%n",
                              projectedSoFar, acked.size(), (System.nanoTime() - catchUpStarted) / 1_000_000_000);
            return projectedSoFar >= acked.size();
        });
        List<String> projected = new ArrayList<>();
        CLIENTS.forEach(c -> timelineIds(coach, c).stream().filter(id -> id.startsWith(run)).forEach(projected::add));
        FaultReport.line("1 broker killed at 30 % of 20k events", total, acked.size(), consumed.size(), lost,
                         duplicated, "acked before the kill=" + ackedWhenKilled.get() + " send failures="
                                     + failed.get() + "; dashboard timeline rows=" + projected.size()
                                     + " distinct=" + new HashSet<>(projected).size());
        assertThat(ackedWhenKilled.get()).as("the broker went down while the stream was still being acknowledged")
                                         .isBetween(0, total - 1);
        assertThat(lost).as("acknowledged events that no consumer saw").isZero();
        assertThat(new HashSet<>(projected)).as("the dashboard holds every acknowledged event").containsAll(acked);
        assertThat(projected).as("projection rows = distinct event ids").doesNotHaveDuplicates();
    }

    /**
     * 5. Two instances of journal-service share one event store and token store; the one holding the processors'
     * claims is restarted within the claim timeout: one token per processor segment, and nothing is published twice.
     */
    @Test
    @Order(7)
    void aProcessorInstanceRestartedWithinTheClaimTimeoutLeavesOneTokenAndReplaysNothing() throws Exception {
        String database = "journal-f5";
        ConfigurableApplicationContext first = StackUnderTest.journalInstance(stack, database, "journal-f5-a");
        ConfigurableApplicationContext second = StackUnderTest.journalInstance(stack, database, "journal-f5-b");
        List<String> written = new ArrayList<>();
        try {
            Http viaFirst = new Http(StackUnderTest.port(first)).as(tokens.get("client-alex"));
            Http viaSecond = new Http(StackUnderTest.port(second)).as(tokens.get("client-alex"));
            for (int i = 0; i < 20; i++) {
                written.add(entryOf(viaFirst.post("/api/clients/client-alex/journal/mood-check-ins", "{\"score\":4}")));
            }
            String tokenRows = "FROM token_entry WHERE processor_name = ?";
            await().atMost(Duration.ofSeconds(30)).until(() -> EventStores.count(
                    stack, database, "SELECT count(*) " + tokenRows, "journal-publisher") == 1);
            String holder = EventStores.text(stack, database, "SELECT owner " + tokenRows, "journal-publisher");
            boolean firstHolds = "journal-f5-a".equals(holder);
            (firstHolds ? first : second).close();
            ConfigurableApplicationContext restarted = StackUnderTest.journalInstance(stack, database, holder);
            if (firstHolds) {
                first = restarted;
            } else {
                second = restarted;
            }
            Http viaOther = firstHolds ? viaSecond : viaFirst;
            for (int i = 0; i < 20; i++) {
                written.add(entryOf(viaOther.post("/api/clients/client-alex/journal/mood-check-ins", "{\"score\":2}")));
            }
            List<String> published = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                published.clear();
                TopicRecorder.everything(stack.kafkaBootstrapServers(), JournalTopic.NAME).stream()
                             .map(r -> Json.parse(r.value()).path("data").path("entryId").asText())
                             .filter(written::contains).forEach(published::add);
                return new HashSet<>(published).containsAll(written);
            });
            long tokenDocs = EventStores.count(stack, database, "SELECT count(*) " + tokenRows, "journal-publisher");
            long readModelTokens = EventStores.count(stack, database, "SELECT count(*) " + tokenRows,
                                                     "journal-read-model");
            FaultReport.line("5 claim holder restarted within the timeout", written.size(), written.size(),
                             published.size(), 0, published.size() - new HashSet<>(published).size(),
                             "restarted " + holder + "; token rows per processor: publisher=" + tokenDocs
                             + " read model=" + readModelTokens);
            crossInstanceConflicts(new Http(StackUnderTest.port(first)).as(tokens.get("client-alex")),
                                   new Http(StackUnderTest.port(second)).as(tokens.get("client-alex")));
            assertThat(tokenDocs).as("one token per segment of the publisher").isEqualTo(1);
            assertThat(readModelTokens).as("one token per segment of the read model").isEqualTo(1);
            assertThat(published).as("nothing published twice").doesNotHaveDuplicates();
        } finally {
            first.close();
            second.close();
        }
    }

    /**
     * 3. plan-service (its own JVM, from its runnable jar) is killed with SIGKILL in the middle of projecting the
     * topics from the start, then started again: its coach dashboard ends identical to the one the stack's
     * plan-service built from the same topics without interruption.
     */
    @Test
    @Order(8)
    void aServiceKilledMidBatchEndsWithTheSameProjectionAsACleanRun() throws Exception {
        Path jar;
        try (var jars = Files.list(Path.of("../../plan-service/plan-app/target"))) {
            jar = jars.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst()
                      .orElseThrow(() -> new AssertionError("plan-service's runnable jar is built before this test"));
        }
        var clean = mongo.getDatabase("plan");
        var restarted = mongo.getDatabase("plan-f3");
        if (timelineEventIds(clean).size() < 10_000) {
            long before = timelineEventIds(clean).size();
            produceMoodEvents("f3-", 10_000);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(
                    () -> timelineEventIds(clean).size() >= before + 10_000);
        }
        Thread.sleep(2000);
        long expected = timelineEventIds(clean).size();
        Process first = planProcess(jar, "first");
        long atKill;
        try {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(
                    () -> timelineEventIds(restarted).size() > expected / 3);
            first.destroyForcibly().waitFor();
            atKill = timelineEventIds(restarted).size();
        } finally {
            first.destroyForcibly();
        }
        Process second = planProcess(jar, "second");
        try {
            try {
                await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1)).until(
                        () -> timelineEventIds(restarted).size() >= expected);
            } finally {
                Set<String> have = new HashSet<>(timelineEventIds(restarted));
                timelineEventIds(clean).stream().filter(id -> !have.contains(id))
                                       .forEach(id -> System.out.println("fault 3: missing after restart: " + id));
            }
            Thread.sleep(3000);
            Map<String, Object> cleanRows = rows(clean);
            Map<String, Object> restartedRows = rows(restarted);
            List<String> restartedIds = timelineEventIds(restarted);
            long timeline = restartedIds.size();
            List<String> cleanIds = timelineEventIds(clean);
            System.out.println("fault 3: clean run " + cleanIds.size() + " entries, " + new HashSet<>(cleanIds).size()
                               + " distinct; restarted " + timeline + " entries, " + new HashSet<>(restartedIds).size()
                               + " distinct");
            FaultReport.line("3 plan-service killed mid-projection", expected, expected, timeline, expected - timeline,
                             Math.max(0, timeline - expected), "killed (SIGKILL) at " + atKill + " timeline rows; "
                             + "rows equal to the clean run: " + cleanRows.equals(restartedRows));
            assertThat(atKill).as("killed before it had caught up").isLessThan(expected);
            assertThat(timeline).as("timeline entries = distinct events, as in the clean run").isEqualTo(expected);
            assertThat(new HashSet<>(restartedIds)).as("no event twice in the timeline's days").hasSize(restartedIds.size());
            assertThat(restartedRows).as("every dashboard row as in the uninterrupted run").isEqualTo(cleanRows);
        } finally {
            second.destroyForcibly().waitFor();
        }
    }

    /** The event ids in the dashboard's timeline (its days hold the events, keyed by id), one per stored entry. */
    private static List<String> timelineEventIds(com.mongodb.client.MongoDatabase database) {
        List<String> ids = new java.util.ArrayList<>();
        database.getCollection("dashboard_timeline_days").find().forEach(day -> day.get("byId", new org.bson.Document())
                .values().forEach(event -> ids.add(((org.bson.Document) event).getString("id"))));
        return ids;
    }

    /** Mood check-ins for the demo clients straight onto the journal topic (as journal-service would publish them). */
    private static void produceMoodEvents(String run, int total) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG,
                "all"), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < total; i++) {
                String client = CLIENTS.get(i % CLIENTS.size());
                Instant at = Instant.now();
                producer.send(new ProducerRecord<>(JournalTopic.NAME, client, CloudEventJson.write(CloudEvent.of(
                        run + UUID.randomUUID(), "/rekindle/fault-suite", MoodCheckedIn.TYPE, client, at,
                        new MoodCheckedIn(client, run + i, 1 + i % 5, null, at)))));
            }
            producer.flush();
        }
    }

    /** plan-service in its own JVM on the stack's broker and store, in its own database; no Kafka listeners. */
    private static Process planProcess(Path jar, String name) throws java.io.IOException {
        return new ProcessBuilder("java", "-jar", jar.toAbsolutePath().toString(),
                "--server.port=0", "--server.address=127.0.0.1",
                "--spring.data.mongodb.uri=" + stack.mongoConnectionString(), "--rekindle.mongo.database=plan-f3",
                "--spring.datasource.url=" + stack.postgres().createDatabase("plan-f3"),
                "--spring.datasource.username=" + EmbeddedPostgresServer.USER,
                "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                "--spring.kafka.listener.auto-startup=false", "--rekindle.security.issuer-uri=" + stack.issuerUrl(),
                "--rekindle.axon.node-id=plan-f3", "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "fault-3-plan-service-" + name + ".log").toFile()).start();
    }

    /** Each client's folded dashboard row (without the bookkeeping of which event ids it has seen). */
    /**
     * Each client's stored row, without the time it was last stored ({@code foldedAt}: when its no-contact figures
     * were counted, which differs between two runs of the same events; the figures themselves are compared).
     */
    private static Map<String, Object> rows(com.mongodb.client.MongoDatabase db) {
        Map<String, Object> rows = new java.util.TreeMap<>();
        db.getCollection("dashboard_rows").find().forEach(doc -> {
            org.bson.Document row = doc.get("row", org.bson.Document.class);
            row.remove("foldedAt");
            rows.put(doc.getString("_id"), row);
        });
        return rows;
    }

    /**
     * 7, across instances: both instances take commands for the same journal at once. The event store's unique
     * (aggregate, sequence) index refuses the loser's append, which surfaces as 409; nothing accepted is lost and
     * each instance keeps working afterwards.
     */
    private static void crossInstanceConflicts(Http one, Http other) throws Exception {
        String base = "/api/clients/client-alex/journal/mood-check-ins";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<HttpResponse<String>> answers = new CopyOnWriteArrayList<>();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Http via = t % 2 == 0 ? one : other;
            work.add(pool.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    answers.add(via.post(base, "{\"score\":3}"));
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        long accepted = answers.stream().filter(r -> r.statusCode() == 201).count();
        long conflicts = answers.stream().filter(r -> r.statusCode() == 409).count();
        assertThat(answers).as("every answer is 201 or 409").allMatch(r -> r.statusCode() == 201
                                                                         || r.statusCode() == 409);
        Set<String> acceptedIds = new HashSet<>();
        answers.stream().filter(r -> r.statusCode() == 201).forEach(r -> acceptedIds.add(entryOf(r)));
        // Each instance caches the journal; the other instance's writes make that copy stale, so its next command may
        // meet the store's conflict once (409, nothing written), which evicts the copy: the retry goes through.
        for (Http via : List.of(one, other)) {
            HttpResponse<String> first = via.post(base, "{\"score\":5}");
            HttpResponse<String> answer = first.statusCode() == 409 ? via.post(base, "{\"score\":5}") : first;
            assertThat(entryOf(answer)).isNotBlank();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                Json.parse(one.get("/api/clients/client-alex/journal/entries?limit=500").body())
                    .findValuesAsText("entryId")).as("every accepted command is in the journal").containsAll(acceptedIds));
        FaultReport.line("7 concurrent commands across two instances", answers.size(), accepted, accepted, 0, 0,
                         "409=" + conflicts + "; both instances accept commands afterwards (a stale cache: one 409, then through)");
    }

    private static String entryOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(201);
        return Json.parse(response.body()).get("entryId").asText();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The coach's feed size once notification-service has stopped adding to it for five seconds. */
    private static int settledFeedSize(Http feeds) throws InterruptedException {
        int size = -1;
        int stableFor = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (stableFor < 5 && System.nanoTime() < deadline) {
            int now = Json.parse(feeds.get("/api/feed/coach-maya?limit=200").body()).size();
            stableFor = now == size ? stableFor + 1 : 0;
            size = now;
            Thread.sleep(1000);
        }
        return size;
    }

    private static void assign(String client, String coach) {
        StackUnderTest.assignDefaultProgram(stack, tokens.get(coach), client, coach);
    }

    private static Http journal(String client) {
        return http(stack.journalUrl()).as(tokens.get(client));
    }

    private static String checkInMarker(String client) {
        return Json.parse(journal(client).post("/api/clients/" + client + "/journal/mood-check-ins", "{\"score\":3}")
                                         .body()).get("entryId").asText();
    }

    /** The event ids on the client's timeline, oldest first. */
    /** Every event id of the client's timeline, read a page of 1,000 at a time from the newest. */
    private static List<String> timelineIds(Http coach, String client) {
        List<String> ids = new ArrayList<>();
        String before = null;
        while (true) {
            JsonNode page = Json.parse(coach.get("/api/dashboard/clients/" + client + "/timeline?limit=1000"
                                                 + (before == null ? "" : "&before=" + before)).body());
            page.forEach(e -> ids.add(e.get("eventId").asText()));
            if (page.size() < 1000) {
                return ids;
            }
            before = page.get(0).get("eventId").asText();
        }
    }

    /**
     * The id of the client's newest event of this run on the dashboard's timeline. Not simply the newest: the seeded
     * clients' plans raise events of their own (a step falling due at midnight), which may come after the run's.
     */
    private static String newestTimelineId(Http coach, String client, String run) {
        JsonNode page = Json.parse(coach.get("/api/dashboard/clients/" + client + "/timeline?limit=50").body());
        for (int i = page.size() - 1; i >= 0; i--) { // a page is oldest first
            if (page.get(i).get("eventId").asText().startsWith(run)) {
                return page.get(i).get("eventId").asText();
            }
        }
        return null;
    }

    private static boolean timelineHasEntry(Http coach, String client, String entryId) {
        return Json.parse(coach.get("/api/dashboard/clients/" + client + "/timeline").body()).findValuesAsText("entryId")
                   .contains(entryId);
    }

    private static List<String> entryIdsOnTopic(TopicRecorder topic, String client) {
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<String, String> r : topic.recordsWithKey(client)) {
            JsonNode entryId = Json.parse(r.value()).path("data").path("entryId");
            if (!entryId.isMissingNode()) {
                ids.add(entryId.asText());
            }
        }
        return ids;
    }

    /** What a refused request to the service must not change: its event store (notification: its documents). */
    private static long storedState(String service) {
        var db = mongo.getDatabase(service);
        if ("notification".equals(service)) {
            return db.getCollection("notifications").countDocuments()
                   + db.getCollection("notification_preferences").countDocuments();
        }
        return EventStores.count(stack, service, "SELECT count(*) FROM domain_event_entry");
    }
}
