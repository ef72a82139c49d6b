package org.rekindle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where a freshness sample's time goes before it reaches the consuming service: a plain consumer beside the
 * services reads the journal topic and notes, per client, each record's stored time (the CloudEvent {@code time},
 * set when the command's event was created), its producer time (the record's CreateTime, set when the publisher
 * sent it) and when this consumer received it. A sample, timed from its request to its stream update, then splits
 * into: request → event created (HTTP, token, command), created → sent (commit, publisher woken, publish),
 * sent → received (broker, fetch), received → stream update (the service's own fetch, its processing, the SSE push).
 * Beside the hops, how long the JVM stood still for the garbage collector within the sample ({@link GcPauses}).
 * All clocks are this JVM's wall clock (the whole stack runs in it), read with microsecond resolution; the producer
 * time has millisecond resolution.
 */
final class JournalHops implements AutoCloseable {

    /** One journal record as seen here, wall-clock microseconds. */
    record Seen(long storedMicros, long sentMicros, long receivedMicros) {
    }

    /** One freshness sample split into its hops, in milliseconds. */
    record Split(double total, double requestToCreated, double createdToSent, double sentToReceived,
                 double receivedToStream, double paused) {
    }

    static final List<String> HOPS = List.of("request → event created (HTTP, token, command)",
                                             "created → sent (commit, publisher woken, publish)",
                                             "sent → received (broker, fetch)",
                                             "received → stream update (the service's fetch, processing, SSE)",
                                             "of the whole: the JVM paused by the garbage collector");

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, List<Seen>> byClient = new ConcurrentHashMap<>();
    private final GcPauses gcPauses = new GcPauses();
    private final KafkaConsumer<String, String> consumer;
    private final Thread reader;
    private volatile boolean running = true;

    JournalHops(String bootstrap, String topic) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                                              ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                                       new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                                                  .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        reader = new Thread(this::read, "bench-journal-hops");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        while (running) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                long received = nowMicros();
                try {
                    JsonNode event = json.readTree(record.value());
                    Instant stored = Instant.parse(event.get("time").asText());
                    byClient.computeIfAbsent(event.get("subject").asText(), c -> new CopyOnWriteArrayList<>())
                            .add(new Seen(micros(stored), record.timestamp() * 1_000, received));
                } catch (Exception e) {
                    // not a CloudEvent of ours: not a sample's hop
                }
            }
        }
        consumer.close();
    }

    /**
     * The sample sent for {@code client} at {@code requestMicros} and seen on the stream at {@code streamMicros}:
     * the first record of that client stored after the request. A stored time has millisecond resolution, so an
     * event created within the request's own millisecond carries a time before it: the request is compared by its
     * millisecond, or that sample would be matched to the client's next record.
     */
    Optional<Split> split(String client, long requestMicros, long streamMicros) {
        return firstStoredAfter(byClient.getOrDefault(client, List.of()), requestMicros)
                       .map(seen -> new Split(ms(streamMicros - requestMicros), ms(seen.storedMicros() - requestMicros),
                                              ms(seen.sentMicros() - seen.storedMicros()),
                                              ms(seen.receivedMicros() - seen.sentMicros()),
                                              ms(streamMicros - seen.receivedMicros()),
                                              gcPauses.pausedMillis(requestMicros, streamMicros)));
    }

    static Optional<Seen> firstStoredAfter(List<Seen> records, long requestMicros) {
        long requestMillisecond = requestMicros - Math.floorMod(requestMicros, 1_000L);
        return records.stream()
                      .filter(seen -> seen.storedMicros() >= requestMillisecond)
                      .min(Comparator.comparingLong(Seen::storedMicros));
    }

    /** Each hop's p50 and p99 over all samples, and its mean over the slowest 1 % (by total). */
    static List<Row> attribute(List<Split> splits) {
        List<Split> byTotal = new ArrayList<>(splits);
        byTotal.sort(Comparator.comparingDouble(Split::total).reversed());
        List<Split> slowest = byTotal.subList(0, Math.max(1, byTotal.size() / 100));
        List<java.util.function.ToDoubleFunction<Split>> hops = List.of(Split::requestToCreated, Split::createdToSent,
                                                                        Split::sentToReceived, Split::receivedToStream,
                                                                        Split::paused);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < hops.size(); i++) {
            var hop = hops.get(i);
            double[] sorted = splits.stream().mapToDouble(hop).sorted().toArray();
            rows.add(new Row(HOPS.get(i), percentile(sorted, 0.5), percentile(sorted, 0.99),
                             slowest.stream().mapToDouble(hop).average().orElse(Double.NaN)));
        }
        return rows;
    }

    record Row(String hop, double p50, double p99, double meanOfSlowest) {
    }

    private static double percentile(double[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, sorted.length * q)];
    }

    static long nowMicros() {
        return micros(Instant.now());
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    private static double ms(long micros) {
        return micros / 1_000.0;
    }

    @Override
    public void close() throws Exception {
        gcPauses.close();
        running = false;
        reader.join(5_000);
    }
}
