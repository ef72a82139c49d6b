package org.rekindle.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.MoodCheckedIn;
import org.rekindle.journal.events.NoContactBroken;
import org.rekindle.journal.events.NoContactStarted;
import org.rekindle.journal.events.ReflectionCompleted;
import org.rekindle.journal.events.UrgeRecorded;
import org.rekindle.plan.events.PlanAssigned;
import org.rekindle.plan.events.PlanStep;
import org.rekindle.plan.events.PlanTopic;
import org.rekindle.platform.publishing.CloudEvent;
import org.rekindle.platform.publishing.CloudEventJson;

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
 * What the dashboard reads, as the producers publish it: one coach's clients with a 30-step plan each, then journal
 * events (mood 60 %, urges 20 %, reflections 15 %, no-contact 5 %) spread over 60 days, straight onto the topics.
 */
final class DashboardWorkload {

    static final String COACH = "bench-coach";
    static final String MIX = "mood 60 %, urges 20 %, reflections 15 %, no-contact 5 %";

    private final int clients;
    private final int spreadOver;
    private final Instant first = Instant.now().minus(Duration.ofDays(60));

    /** {@code spreadOver}: how many events share the 60 days (timestamps step evenly). */
    DashboardWorkload(int clients, int spreadOver) {
        this.clients = clients;
        this.spreadOver = spreadOver;
    }

    static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                                          ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                                   new StringSerializer(), new StringSerializer());
    }

    void assignPlans(KafkaProducer<String, String> producer) throws Exception {
        for (int c = 0; c < clients; c++) {
            producer.send(new ProducerRecord<>(PlanTopic.NAME, client(c), CloudEventJson.write(CloudEvent.of(
                    UUID.randomUUID().toString(), "/rekindle/bench", PlanAssigned.TYPE, client(c), first,
                    assigned(c))))).get();
        }
    }

    /** Journal events {@code from} (inclusive) to {@code to} (exclusive); returns once the last is acknowledged. */
    void produce(KafkaProducer<String, String> producer, int from, int to) throws Exception {
        Duration step = Duration.ofDays(60).dividedBy(spreadOver);
        Future<?> last = null;
        for (int i = from; i < to; i++) {
            Instant at = first.plus(step.multipliedBy(i));
            last = producer.send(new ProducerRecord<>(JournalTopic.NAME, client(i % clients),
                                                      CloudEventJson.write(journalEvent(i, at))));
        }
        if (last != null) {
            last.get();
        }
    }

    static final String LONG_HISTORY_CLIENT = "bench-client-two-years";
    static final int LONG_HISTORY_EVENTS = 2_920;
    static final Duration LONG_HISTORY = Duration.ofDays(730);

    /**
     * One more client of the coach with two years of daily history (four mood check-ins a day, about 3,000 events,
     * ending now): what time travel must answer for in a practice that has run a while.
     */
    void produceLongHistory(KafkaProducer<String, String> producer) throws Exception {
        Instant start = Instant.now().minus(LONG_HISTORY);
        LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
        producer.send(new ProducerRecord<>(PlanTopic.NAME, LONG_HISTORY_CLIENT, CloudEventJson.write(CloudEvent.of(
                UUID.randomUUID().toString(), "/rekindle/bench", PlanAssigned.TYPE, LONG_HISTORY_CLIENT, start,
                new PlanAssigned("plan-" + LONG_HISTORY_CLIENT, LONG_HISTORY_CLIENT, COACH, "bench-program", 1, day,
                                 "UTC", false, List.of(new PlanStep("s", "p", "EXERCISE", "Step", day.plusDays(3))),
                                 start))))).get();
        Duration step = LONG_HISTORY.dividedBy(LONG_HISTORY_EVENTS);
        Future<?> last = null;
        for (int i = 0; i < LONG_HISTORY_EVENTS; i++) {
            Instant at = start.plus(step.multipliedBy(i));
            last = producer.send(new ProducerRecord<>(JournalTopic.NAME, LONG_HISTORY_CLIENT, CloudEventJson.write(
                    CloudEvent.of(UUID.randomUUID().toString(), "/rekindle/bench", MoodCheckedIn.TYPE,
                                  LONG_HISTORY_CLIENT, at, new MoodCheckedIn(LONG_HISTORY_CLIENT, "l" + i, 1 + i % 5,
                                                                             7.0, at)))));
        }
        last.get();
    }

    CloudEvent journalEvent(int i, Instant at) {
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

    private PlanAssigned assigned(int c) {
        LocalDate start = LocalDate.ofInstant(first, ZoneOffset.UTC);
        List<PlanStep> steps = new ArrayList<>();
        IntStream.range(0, 30).forEach(s -> steps.add(new PlanStep("step-" + s, "phase-" + s / 4, "EXERCISE",
                                                                   "Step " + s, start.plusDays(s * 3L))));
        return new PlanAssigned("plan-" + client(c), client(c), COACH, "bench-program", 1, start, "UTC", false, steps,
                                first);
    }

    static String client(int c) {
        return String.format("bench-client-%02d", c);
    }
}
