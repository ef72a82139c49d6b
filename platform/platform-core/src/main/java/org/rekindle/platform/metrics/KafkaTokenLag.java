package org.rekindle.platform.metrics;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How many records a Kafka-fed processor has still to read: for each partition its token has reached, the end offset
 * minus the next offset it will read (the token holds the offset of the last record handled). Partitions it has not
 * reached yet are not counted in the lag; {@link #progress} counts them as wholly unread.
 */
final class KafkaTokenLag {

    private final Admin admin;

    KafkaTokenLag(Admin admin) {
        this.admin = admin;
    }

    OptionalLong records(TrackingToken position) {
        if (!(position instanceof KafkaTrackingToken kafka)) {
            return OptionalLong.empty();
        }
        Map<TopicPartition, Long> handled = kafka.getPositions();
        if (handled.isEmpty()) {
            return OptionalLong.of(0);
        }
        Optional<Map<TopicPartition, Long>> ends = endOffsets(handled.keySet());
        if (ends.isEmpty()) {
            return OptionalLong.empty();
        }
        long lag = 0;
        for (var partition : handled.entrySet()) {
            lag += unread(ends.get().get(partition.getKey()), partition.getValue());
        }
        return OptionalLong.of(lag);
    }

    /**
     * A processor's progress through every partition of its topics ({@code head}: a token naming them, as the
     * source's head token does) and any its token has reached: the total is the sum of their end offsets now, the
     * done part what is left after the records still to read (all of a partition the token has not reached).
     * Offsets, not records: a topic whose oldest records were deleted counts them as done once the first is read.
     */
    Optional<Progress> progress(TrackingToken position, TrackingToken head) {
        Map<TopicPartition, Long> handled = position instanceof KafkaTrackingToken kafka ? kafka.getPositions()
                                                                                        : Map.of();
        Set<TopicPartition> partitions = new HashSet<>(handled.keySet());
        if (head instanceof KafkaTrackingToken topics) {
            partitions.addAll(topics.getPositions().keySet());
        }
        return endOffsets(partitions).map(ends -> {
            long total = 0;
            long left = 0;
            for (var end : ends.entrySet()) {
                total += end.getValue();
                left += unread(end.getValue(), handled.getOrDefault(end.getKey(), -1L));
            }
            return new Progress(total - left, total);
        });
    }

    private static long unread(long endOffset, long lastHandled) {
        return Math.max(0, endOffset - (lastHandled + 1));
    }

    private Optional<Map<TopicPartition, Long>> endOffsets(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return Optional.of(Map.of());
        }
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest())))
                    .all().get(5, TimeUnit.SECONDS);
            return Optional.of(ends.entrySet().stream()
                                   .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset())));
        } catch (Exception brokerUnavailable) {
            return Optional.empty();
        }
    }
}
