package org.rekindle.platform.metrics;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How many records a Kafka-fed processor has still to read: for each partition its token has reached, the end offset
 * minus the next offset it will read (the token holds the offset of the last record handled). Partitions it has not
 * reached yet are not counted.
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
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(handled.keySet()
                    .stream().collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest())))
                    .all().get(5, TimeUnit.SECONDS);
            long lag = 0;
            for (var partition : handled.entrySet()) {
                lag += Math.max(0, ends.get(partition.getKey()).offset() - (partition.getValue() + 1));
            }
            return OptionalLong.of(lag);
        } catch (Exception brokerUnavailable) {
            return OptionalLong.empty();
        }
    }
}
