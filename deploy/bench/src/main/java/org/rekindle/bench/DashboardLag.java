package org.rekindle.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How far plan-service's coach dashboard (a Kafka tracking processor) is behind the end of the topics, read from its
 * tracking token: records it has not taken in yet. What the benchmarks wait on, rather than counting documents.
 */
final class DashboardLag {

    static final String DASHBOARD = "coach-dashboard";

    private DashboardLag() {
    }

    /** Records of these topic partitions' ends the dashboard has not taken in. */
    static long of(ConfigurableApplicationContext plan, Map<TopicPartition, Long> ends) {
        TrackingEventProcessor processor = plan.getBean(EventProcessingConfiguration.class)
                                               .eventProcessor(DASHBOARD, TrackingEventProcessor.class)
                                               .orElseThrow();
        Map<TopicPartition, Long> positions = new HashMap<>();
        int segments = plan.getEnvironment().getProperty("rekindle.dashboard.segments", Integer.class, 1);
        // a segment not claimed yet has taken nothing in, as far as this instance knows
        boolean everySegmentClaimed = processor.processingStatus().size() >= segments;
        var statuses = everySegmentClaimed ? processor.processingStatus().values() : List.<EventTrackerStatus>of();
        Map<TopicPartition, Integer> segmentsAt = new HashMap<>();
        for (EventTrackerStatus status : statuses) {
            TrackingToken token = status.getTrackingToken();
            if (token != null) {
                // each segment reads every partition: a partition is taken in as far as its slowest segment took it
                KafkaTrackingToken.from(token).getPositions().forEach((partition, at) -> {
                    positions.merge(partition, at, Math::min);
                    segmentsAt.merge(partition, 1, Integer::sum);
                });
            }
        }
        positions.keySet().removeIf(partition -> segmentsAt.get(partition) < statuses.size());
        long lag = 0;
        for (var end : ends.entrySet()) {
            Long at = positions.get(end.getKey()); // the offset of the last record it took in
            lag += end.getValue() - (at == null ? 0 : at + 1);
        }
        return Math.max(0, lag);
    }

    /** The end offset of every partition of these topics. */
    static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var description : admin.describeTopics(topics).allTopicNames().get().values()) {
            description.partitions().forEach(p -> latest.put(new TopicPartition(description.name(), p.partition()),
                                                             OffsetSpec.latest()));
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }
}
