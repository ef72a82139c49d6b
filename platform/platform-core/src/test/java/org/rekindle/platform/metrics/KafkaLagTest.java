package org.rekindle.platform.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rekindle.platform.embedded.SharedTestInfrastructure;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Lag against a real broker: five records on partition 0, read up to a point by a token or a consumer group. */
class KafkaLagTest {

    private static final String TOPIC = "lag-" + UUID.randomUUID();
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static Admin admin;

    @BeforeAll
    static void fiveRecords() throws Exception {
        String bootstrap = SharedTestInfrastructure.kafka().bootstrapServers();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                                                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(TOPIC, 0, "key", "record " + i)).get();
            }
        }
    }

    @AfterAll
    static void closeAdmin() {
        admin.close();
    }

    @Test
    void aTokenAtTheSecondRecordHasThreeToRead() {
        KafkaTokenLag lag = new KafkaTokenLag(admin);
        // an Axon Kafka token holds the offset of the last record handled
        assertThat(lag.records(KafkaTrackingToken.newInstance(Map.of(P0, 1L)))).hasValue(3);
        assertThat(lag.records(KafkaTrackingToken.newInstance(Map.of(P0, 4L)))).hasValue(0);
    }

    @Test
    void progressCountsEveryPartitionOfTheHeadAndOnesNotReachedYetAsUnread() throws Exception {
        String topic = "progress-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedTestInfrastructure.kafka().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "key", "on 0: " + i)).get();
                producer.send(new ProducerRecord<>(topic, 1, "key", "on 1: " + i)).get();
            }
        }
        TopicPartition first = new TopicPartition(topic, 0);
        KafkaTrackingToken head = KafkaTrackingToken.newInstance(Map.of(first, 2L, new TopicPartition(topic, 1), 2L));
        KafkaTokenLag lag = new KafkaTokenLag(admin);

        assertThat(lag.progress(null, head)).hasValue(new Progress(0, 6));
        assertThat(lag.progress(KafkaTrackingToken.newInstance(Map.of(first, 1L)), head))
                .as("two read on partition 0, none on 1").hasValue(new Progress(2, 6));
        assertThat(lag.progress(KafkaTrackingToken.newInstance(Map.of(first, 2L, new TopicPartition(topic, 1), 2L)),
                                head)).hasValue(new Progress(6, 6));
    }

    @Test
    void aGroupThatCommittedTwoRecordsHasThreeToRead() {
        String group = "group-" + UUID.randomUUID();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group), new StringDeserializer(), new StringDeserializer())) {
            // a committed offset is the next record to read
            consumer.commitSync(Map.of(P0, new OffsetAndMetadata(2)));
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ConsumerGroupLag.register(registry, admin, List.of(group, "group-that-never-committed"));

        assertThat(registry.get(ConsumerGroupLag.NAME).tag("group", group).gauge().value()).isEqualTo(3.0);
        assertThat(registry.get(ConsumerGroupLag.NAME).tag("group", "group-that-never-committed").gauge().value())
                .as("unknown, not 0").isNaN();
    }
}
