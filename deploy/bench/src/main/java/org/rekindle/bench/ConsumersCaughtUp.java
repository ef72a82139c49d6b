package org.rekindle.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.plan.events.PlanTopic;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Whether the write benchmark's consumers have taken in everything journal-service stored: the publisher (journal
 * topic), plan-service's dashboard (its timeline) and notification-service (its consumer groups' offsets).
 */
final class ConsumersCaughtUp {

    private ConsumersCaughtUp() {
    }

    /** Where the consumers stood when {@link #settle} returned. */
    record Settled(long stored, long unpublished, long publishedDuring, double seconds, boolean caughtUp) {
        @Override
        public String toString() {
            return String.format("%s after %.0f s: %,d stored, %,d unpublished, %,d published meanwhile",
                                 caughtUp ? "caught up" : "still behind", seconds, stored, unpublished,
                                 publishedDuring);
        }
    }

    /**
     * Waits, at most {@code limit}, until every stored event is on the journal topic, the plan-service dashboard
     * holds every record of both topics, and notification-service's consumer groups are at the end of them.
     */
    static Settled settle(MongoClient store, String bootstrap, MongoCollection<Document> events,
                                  Duration limit) throws Exception {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        var timeline = store.getDatabase("plan").getCollection("dashboard_timeline");
        long neverPublished = opened(events);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long publishedAtStart = -1;
            while (true) {
                long stored = events.estimatedDocumentCount();
                Map<TopicPartition, Long> ends = endOffsets(admin, List.of(JournalTopic.NAME, PlanTopic.NAME));
                long journalRecords = ends.entrySet().stream().filter(e -> e.getKey().topic().equals(JournalTopic.NAME))
                                          .mapToLong(Map.Entry::getValue).sum();
                publishedAtStart = publishedAtStart < 0 ? journalRecords : publishedAtStart;
                long allRecords = ends.values().stream().mapToLong(Long::longValue).sum();
                long unpublished = Math.max(0, stored - neverPublished - journalRecords);
                boolean projected = timeline.estimatedDocumentCount() >= allRecords;
                boolean notified = lag(admin, "notification-service-journal", JournalTopic.NAME, ends) == 0
                                   && lag(admin, "notification-service-plan", PlanTopic.NAME, ends) == 0;
                boolean caughtUp = unpublished == 0 && projected && notified;
                if (caughtUp || System.nanoTime() > deadline) {
                    return new Settled(stored, unpublished, journalRecords - publishedAtStart,
                                       RawCeilings.seconds(start), caughtUp);
                }
                Thread.sleep(500);
            }
        }
    }

    /** Journals opened: stored, never published (the first event of each journal is its opening). */
    private static long opened(MongoCollection<Document> events) {
        return events.countDocuments(new Document("sequenceNumber", 0L));
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        for (var description : admin.describeTopics(topics).allTopicNames().get().values()) {
            description.partitions().forEach(p -> latest.put(new TopicPartition(description.name(), p.partition()),
                                                             OffsetSpec.latest()));
        }
        Map<TopicPartition, Long> ends = new java.util.HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /** How many records of {@code topic} the consumer group has not committed yet. */
    private static long lag(Admin admin, String group, String topic, Map<TopicPartition, Long> ends)
            throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                                                                .partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (var end : ends.entrySet()) {
            if (end.getKey().topic().equals(topic)) {
                OffsetAndMetadata at = committed.get(end.getKey());
                lag += end.getValue() - (at == null ? 0 : at.offset());
            }
        }
        return lag;
    }
}
