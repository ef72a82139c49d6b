package org.rekindle.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    private static final String TOPIC = "embedded-kafka-test";

    @Test
    void recordsTopicsAndCommittedOffsetsSurviveARestart(@TempDir Path dataDir) throws Exception {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            expected.add("value-" + i);
        }

        long t0 = System.nanoTime();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
            long firstStartMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertThat(kafka.port()).isPositive();
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + kafka.port());
            assertThat(dataDir.resolve("kafka/meta.properties")).exists();
            System.out.println("EmbeddedKafka first start (format): " + firstStartMs + " ms");

            produce(kafka, 0, 100); // topic does not exist yet: auto-created with num.partitions=3
            assertThat(values(consumeAll(kafka, "reader-1", 100))).containsExactlyInAnyOrderElementsOf(expected);
            // commits its offsets (commitSync in consumeAll): after the restart this group must see only new records
        }

        long t1 = System.nanoTime();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
            long restartMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1);
            System.out.println("EmbeddedKafka restart on the same dataDir: " + restartMs + " ms");

            // a new group from earliest still reads the 100 records written before the restart
            assertThat(values(consumeAll(kafka, "reader-2", 100))).containsExactlyInAnyOrderElementsOf(expected);

            // producing more works, and the first group resumes from its committed offsets
            produce(kafka, 100, 10);
            List<ConsumerRecord<String, String>> resumed = consumeAll(kafka, "reader-1", 10);
            assertThat(values(resumed)).containsExactlyInAnyOrder("value-100", "value-101", "value-102", "value-103",
                    "value-104", "value-105", "value-106", "value-107", "value-108", "value-109");
            assertThat(resumed).extracting(ConsumerRecord::partition).allMatch(p -> p >= 0 && p < 3);
        }
    }

    @Test
    void stopIsIdempotentAndTheControllerPortIsKeptOrReplacedWhenTaken(@TempDir Path dataDir) throws Exception {
        Path portFile = dataDir.resolve(EmbeddedKafka.CONTROLLER_PORT_FILE);
        EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0);
        int controllerPort = Integer.parseInt(Files.readString(portFile).trim());
        produce(kafka, 0, 20);
        kafka.stop();
        kafka.stop();
        kafka.close();

        try (EmbeddedKafka again = EmbeddedKafka.start(dataDir, 0)) {
            assertThat(Integer.parseInt(Files.readString(portFile).trim())).isEqualTo(controllerPort);
        }

        // the kept controller port is taken by something else: a new one is chosen, and nothing is lost
        try (ServerSocket blocker = new ServerSocket()) {
            blocker.bind(new InetSocketAddress("127.0.0.1", controllerPort));
            try (EmbeddedKafka moved = EmbeddedKafka.start(dataDir, 0)) {
                assertThat(Integer.parseInt(Files.readString(portFile).trim())).isNotEqualTo(controllerPort);
                assertThat(consumeAll(moved, "after-move", 20)).hasSize(20);
                produce(moved, 20, 5);
                assertThat(consumeAll(moved, "after-move", 5)).hasSize(5);
            }
        }
    }

    @Test
    void aSecondStartOnADataDirInUseFailsCleanlyAndLeavesTheFirstAlone(@TempDir Path dataDir) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
            String controllerPort = Files.readString(dataDir.resolve(EmbeddedKafka.CONTROLLER_PORT_FILE));
            assertThatThrownBy(() -> EmbeddedKafka.start(dataDir, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by a running EmbeddedKafka");
            assertThat(Files.readString(dataDir.resolve(EmbeddedKafka.CONTROLLER_PORT_FILE))).isEqualTo(controllerPort);
            produce(kafka, 0, 5);
            assertThat(consumeAll(kafka, "still-fine", 5)).hasSize(5);
        }
        // and after a stop the directory can be used again
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
            assertThat(consumeAll(kafka, "reopened", 5)).hasSize(5);
        }
    }

    @Test
    void startOnATakenPortThrowsPortInUse(@TempDir Path dataDir) throws Exception {
        try (ServerSocket blocker = new ServerSocket()) {
            blocker.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = blocker.getLocalPort();
            assertThatThrownBy(() -> EmbeddedKafka.start(dataDir, port))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("Port " + port + " (Kafka broker) is already in use. Stop what uses it or choose another port"
                            + " with --rekindle.kafka.port=<port> or env REKINDLE_KAFKA_PORT.")
                    .extracting(e -> ((PortInUseException) e).port()).isEqualTo(port);
        }
    }

    static void produce(EmbeddedKafka kafka, int from, int count) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
            for (int i = from; i < from + count; i++) {
                sends.add(producer.send(new ProducerRecord<>(TOPIC, "key-" + i, "value-" + i)));
            }
            for (java.util.concurrent.Future<?> send : sends) {
                send.get(30, TimeUnit.SECONDS);
            }
        }
    }

    static List<ConsumerRecord<String, String>> consumeAll(EmbeddedKafka kafka, String group, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // a short extra poll: nothing beyond what is expected may arrive
            consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            consumer.commitSync();
        }
        assertThat(records).hasSize(expected);
        return records;
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }
}
