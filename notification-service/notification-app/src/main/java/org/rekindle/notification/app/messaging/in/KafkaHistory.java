package org.rekindle.notification.app.messaging.in;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.notification.app.engine.CoachHistory;
import org.rekindle.notification.app.rules.ClientActivity;
import org.rekindle.plan.events.PlanTopic;
import org.rekindle.platform.messaging.IncomingCloudEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A coach's history, read again from Kafka (the record of truth; topics keep everything): which clients were
 * assigned to the coach (plan topic), and those clients' journal events. Reads both topics from the beginning to
 * their end at the time of the call, without a consumer group, so it moves no offsets. Unreadable records are
 * skipped here (the live listeners park them on the dead-letter topic).
 */
@Component
class KafkaHistory implements CoachHistory {

    private final String bootstrapServers;

    KafkaHistory(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Journal activity per client of the coach, in topic order. */
    @Override
    public Map<String, List<ClientActivity>> journalOfClientsOf(String coachId) {
        Set<String> clients = new HashSet<>();
        readAll(PlanTopic.NAME, (client, event) -> {
            if (PlanListener.activityOf(event) instanceof ClientActivity.PlanAssigned assigned
                && coachId.equals(assigned.coachId())) {
                clients.add(client);
            }
        });
        Map<String, List<ClientActivity>> history = new HashMap<>();
        clients.forEach(client -> history.put(client, new ArrayList<>()));
        readAll(JournalTopic.NAME, (client, event) -> {
            List<ClientActivity> events = history.get(client);
            ClientActivity activity = events == null ? null : JournalListener.activityOf(event);
            if (activity != null) {
                events.add(activity);
            }
        });
        return history;
    }

    private void readAll(String topic, BiConsumer<String, IncomingCloudEvent> each) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        IncomingCloudEvent event = IncomingCloudEvent.parse(record.value());
                        each.accept(event.subject(), event);
                    } catch (RuntimeException unreadable) {
                        // parked on the dead-letter topic by the live listener; nothing to learn from it here
                    }
                }
            }
        }
    }
}
