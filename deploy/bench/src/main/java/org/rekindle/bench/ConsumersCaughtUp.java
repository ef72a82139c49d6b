package org.rekindle.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.plan.events.PlanTopic;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether the write benchmark's consumers have taken in everything journal-service stored, read from where each
 * keeps its position: the publisher (every stored event it maps is on the journal topic, and its token in
 * {@code token_entry} is at the store's head), journal-service's own read model (its token in {@code token_entry}),
 * plan-service's coach dashboard (its Kafka tracking token at the end of both topics) and every Kafka consumer group
 * of the services (notification-service, plan-service's listeners: committed offsets at the end).
 */
final class ConsumersCaughtUp {

    static final String PUBLISHER = "journal-publisher";
    static final String READ_MODEL = "journal-read-model";
    static final String DASHBOARD = DashboardLag.DASHBOARD;

    private final EventStoreProbe journalStore;
    private final ConfigurableApplicationContext plan;
    private final Admin admin;

    ConsumersCaughtUp(EventStoreProbe journalStore, ConfigurableApplicationContext plan, String bootstrap) {
        this.journalStore = journalStore;
        this.plan = plan;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** Where the consumers stood when {@link #settle} returned. */
    record Settled(long stored, long unpublished, long publishedDuring, double seconds, boolean caughtUp,
                   String behind) {
        @Override
        public String toString() {
            return String.format("%s after %.0f s: %,d stored, %,d unpublished, %,d published meanwhile%s",
                                 caughtUp ? "caught up" : "still behind", seconds, stored, unpublished,
                                 publishedDuring, behind.isEmpty() ? "" : "; behind: " + behind);
        }
    }

    /** One look at the publisher: stored events it maps, records on the journal topic, the difference. */
    record Publisher(long toPublish, long onTopic) {
        long unpublished() {
            return Math.max(0, toPublish - onTopic);
        }
    }

    Publisher publisher() throws Exception {
        long toPublish = journalStore.toPublish();
        Map<TopicPartition, Long> ends = endOffsets(List.of(JournalTopic.NAME));
        return new Publisher(toPublish, ends.values().stream().mapToLong(Long::longValue).sum());
    }

    /** Waits, at most {@code limit}, until every consumer has taken in everything stored; prints progress. */
    Settled settle(Duration limit) throws Exception {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        long lastPrint = start;
        long publishedAtStart = -1;
        while (true) {
            long head = journalStore.head();
            long stored = journalStore.stored();
            Publisher publisher = publisher();
            publishedAtStart = publishedAtStart < 0 ? publisher.onTopic() : publishedAtStart;
            Map<TopicPartition, Long> ends = endOffsets(List.of(JournalTopic.NAME, PlanTopic.NAME));
            List<String> behind = new ArrayList<>();
            boolean publisherBehind = publisher.unpublished() > 0 || journalStore.tokenIndex(PUBLISHER) < head;
            boolean readModelBehind = journalStore.tokenIndex(READ_MODEL) < head;
            long dashboard = dashboardLag(ends);
            if (dashboard > 0) {
                behind.add(String.format("%s %,d records", DASHBOARD, dashboard));
            }
            groupLags(ends).forEach((group, lag) -> behind.add(String.format("%s %,d records", group, lag)));
            boolean caughtUp = !publisherBehind && !readModelBehind && behind.isEmpty();
            boolean done = caughtUp || System.nanoTime() > deadline;
            boolean print = System.nanoTime() - lastPrint > Duration.ofSeconds(30).toNanos();
            if (done || print) { // counting what a processor has not processed reads those rows: only now and then
                if (readModelBehind) {
                    behind.add(0, String.format("%s %,d events", READ_MODEL, journalStore.behind(READ_MODEL)));
                }
                if (publisherBehind) {
                    behind.add(0, String.format("%s %,d events (%,d stored not on Kafka)", PUBLISHER,
                                                journalStore.behind(PUBLISHER), publisher.unpublished()));
                }
            }
            if (done) {
                return new Settled(stored, publisher.unpublished(), publisher.onTopic() - publishedAtStart,
                                   RawCeilings.seconds(start), caughtUp, String.join(", ", behind));
            }
            if (print) {
                System.out.printf("  … %.0f s: %,d stored, behind: %s%n", RawCeilings.seconds(start), stored,
                                  String.join(", ", behind));
                lastPrint = System.nanoTime();
            }
            Thread.sleep(500);
        }
    }

    /** Records of the journal and plan topics the coach dashboard (Kafka tracking processor) has not taken in. */
    private long dashboardLag(Map<TopicPartition, Long> ends) {
        return DashboardLag.of(plan, ends);
    }

    /** Consumer groups of the services (not the bench's own) with records of the two topics not committed yet. */
    private Map<String, Long> groupLags(Map<TopicPartition, Long> ends) throws Exception {
        return groupLags(admin, ends);
    }

    /** As above, with any admin client: the services' groups behind these end offsets, by group. */
    static Map<String, Long> groupLags(Admin admin, Map<TopicPartition, Long> ends) throws Exception {
        Map<String, Long> lags = new java.util.TreeMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            if (group.groupId().startsWith("bench-")) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                                                                    .partitionsToOffsetAndMetadata().get();
            for (String topic : List.of(JournalTopic.NAME, PlanTopic.NAME)) {
                if (committed.keySet().stream().noneMatch(tp -> tp.topic().equals(topic))) {
                    continue; // the group does not read this topic
                }
                long lag = 0;
                for (var end : ends.entrySet()) {
                    if (end.getKey().topic().equals(topic)) {
                        OffsetAndMetadata at = committed.get(end.getKey());
                        lag += end.getValue() - (at == null ? 0 : at.offset());
                    }
                }
                if (lag > 0) {
                    lags.merge(group.groupId(), lag, Long::sum);
                }
            }
        }
        return lags;
    }

    Map<TopicPartition, Long> endOffsets(List<String> topics) throws Exception {
        return DashboardLag.endOffsets(admin, topics);
    }

    void close() {
        admin.close();
    }
}
