package org.rekindle.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code rekindle.kafka.consumer.lag} per consumer group of this service's Kafka listeners: records on the group's
 * partitions after its committed offsets (end offset minus committed offset, summed), asked of the broker's admin
 * API at each scrape. Kafka's own client metrics ({@code kafka.consumer.fetch.manager.records.lag*}) are per client
 * and only while a consumer is connected; this one also shows a group whose consumer has stopped.
 */
final class ConsumerGroupLag {

    static final String NAME = "rekindle.kafka.consumer.lag";

    private final Admin admin;

    private ConsumerGroupLag(Admin admin) {
        this.admin = admin;
    }

    static void register(MeterRegistry registry, Admin admin, Collection<String> groups) {
        ConsumerGroupLag lag = new ConsumerGroupLag(admin);
        for (String group : new TreeSet<>(groups)) {
            Gauge.builder(NAME, group, lag::records).tag("group", group).baseUnit("records")
                 .description("Records the consumer group has not committed yet").register(registry);
        }
    }

    private double records(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            if (committed.isEmpty()) {
                return Double.NaN; // nothing committed yet: the lag is unknown, not zero
            }
            var ends = admin.listOffsets(committed.keySet().stream()
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest())))
                    .all().get(5, TimeUnit.SECONDS);
            long lag = 0;
            for (var partition : committed.entrySet()) {
                if (partition.getValue() != null) {
                    lag += Math.max(0, ends.get(partition.getKey()).offset() - partition.getValue().offset());
                }
            }
            return lag;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        } catch (Exception brokerUnavailable) {
            return Double.NaN;
        }
    }
}
