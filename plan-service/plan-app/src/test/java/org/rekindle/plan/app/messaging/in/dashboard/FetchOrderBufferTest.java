package org.rekindle.plan.app.messaging.in.dashboard;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.Buffer;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.SortedKafkaMessageBuffer;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.TrackingRecordConverter;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.MoodCheckedIn;
import org.rekindle.plan.events.PlanTopic;
import org.rekindle.platform.publishing.CloudEvent;
import org.rekindle.platform.publishing.CloudEventJson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dashboard's token is the token of the last record handed to it. It must never cover a record still waiting in
 * the buffer: a crash after storing it would skip that record for good.
 */
class FetchOrderBufferTest {

    private static final Instant LATER = Instant.parse("2026-12-01T12:00:00Z");
    private static final Instant EARLIER = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void everyHandedOverTokenCoversOnlyWhatWasHandedOver() throws Exception {
        List<KafkaEventMessage> handedOver = drain(fetchPlanThenOlderJournal(new FetchOrderBuffer()));

        assertThat(handedOver).hasSize(4);
        assertThat(firstTokenCoveringUnseen(handedOver)).isEmpty();
    }

    /** Why the default is replaced: it hands over by timestamp, ahead of records its tokens already cover. */
    @Test
    void axonKafkasTimestampSortedBufferHandsOverATokenCoveringRecordsStillWaiting() throws Exception {
        List<KafkaEventMessage> handedOver = drain(fetchPlanThenOlderJournal(new SortedKafkaMessageBuffer<>()));

        assertThat(handedOver.get(0).value().getIdentifier()).as("the older journal record goes first")
                .isEqualTo(JournalTopic.NAME + "-0");
        assertThat(firstTokenCoveringUnseen(handedOver)).contains(new TopicPartition(PlanTopic.NAME, 0));
    }

    @Test
    void aFullBufferMakesTheFetcherWaitUntilTheProcessorTakes() throws Exception {
        FetchOrderBuffer buffer = new FetchOrderBuffer(2);
        List<KafkaEventMessage> three = convert(records(PlanTopic.NAME, LATER, 3));
        CompletableFuture<Void> fetcher = CompletableFuture.runAsync(() -> {
            try {
                buffer.putAll(three);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        Thread.sleep(200);
        assertThat(fetcher).isNotDone();
        assertThat(buffer.remainingCapacity()).isZero();
        assertThat(buffer.take()).isSameAs(three.get(0));
        fetcher.get(5, TimeUnit.SECONDS);
        assertThat(buffer.take()).isSameAs(three.get(1));
        assertThat(buffer.poll(10, TimeUnit.MILLISECONDS)).isSameAs(three.get(2));
        assertThat(buffer.poll(10, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aFetchFailureReachesTheProcessorAfterTheRecordsFetchedBeforeIt() throws Exception {
        FetchOrderBuffer buffer = new FetchOrderBuffer();
        List<KafkaEventMessage> one = convert(records(PlanTopic.NAME, LATER, 1));
        buffer.putAll(one);
        buffer.setException(new IllegalStateException("broker gone"));

        assertThat(buffer.peek()).isSameAs(one.get(0));
        assertThat(buffer.poll(1, TimeUnit.SECONDS)).isSameAs(one.get(0));
        assertThatThrownBy(() -> buffer.poll(1, TimeUnit.SECONDS)).hasMessage("broker gone");
        assertThatThrownBy(buffer::take).hasMessage("broker gone");
    }

    /**
     * One poll: two plan records (stamped later) arrive before two journal records (stamped earlier), as when
     * plan-service's publications sit on one topic and a backlog of older journal events on another.
     */
    private static Buffer<KafkaEventMessage> fetchPlanThenOlderJournal(Buffer<KafkaEventMessage> buffer)
            throws InterruptedException {
        Map<TopicPartition, List<ConsumerRecord<String, String>>> poll = new LinkedHashMap<>();
        poll.put(new TopicPartition(PlanTopic.NAME, 0), records(PlanTopic.NAME, LATER, 2));
        poll.put(new TopicPartition(JournalTopic.NAME, 0), records(JournalTopic.NAME, EARLIER, 2));
        buffer.putAll(new TrackingRecordConverter<>(new CloudEventKafkaConverter(), KafkaTrackingToken.emptyToken())
                              .convert(new ConsumerRecords<>(poll)));
        return buffer;
    }

    private static List<KafkaEventMessage> convert(List<ConsumerRecord<String, String>> records) {
        Map<TopicPartition, List<ConsumerRecord<String, String>>> poll = Map.of(
                new TopicPartition(records.get(0).topic(), 0), records);
        return new TrackingRecordConverter<>(new CloudEventKafkaConverter(), KafkaTrackingToken.emptyToken())
                .convert(new ConsumerRecords<>(poll));
    }

    private static List<ConsumerRecord<String, String>> records(String topic, Instant stamped, int count) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int offset = 0; offset < count; offset++) {
            Instant at = stamped.plusSeconds(offset);
            String json = CloudEventJson.write(CloudEvent.of(topic + "-" + offset, "/test", MoodCheckedIn.TYPE, "c1", at,
                                                             new MoodCheckedIn("c1", "m" + offset, 3, null, at)));
            records.add(new ConsumerRecord<>(topic, 0, offset, at.toEpochMilli(), TimestampType.CREATE_TIME, -1, -1,
                                             "c1", json, new RecordHeaders(), Optional.empty()));
        }
        return records;
    }

    private static List<KafkaEventMessage> drain(Buffer<KafkaEventMessage> buffer) throws InterruptedException {
        List<KafkaEventMessage> handedOver = new ArrayList<>();
        KafkaEventMessage next;
        while ((next = buffer.poll(10, TimeUnit.MILLISECONDS)) != null) {
            handedOver.add(next);
        }
        return handedOver;
    }

    /** The first partition a handed-over token covers further than the records handed over so far. */
    private static Optional<TopicPartition> firstTokenCoveringUnseen(List<KafkaEventMessage> handedOver) {
        Map<TopicPartition, Long> seen = new HashMap<>();
        for (KafkaEventMessage message : handedOver) {
            String id = message.value().getIdentifier();
            String topic = id.substring(0, id.lastIndexOf('-'));
            seen.merge(new TopicPartition(topic, message.partition()), message.offset(), Math::max);
            KafkaTrackingToken token = (KafkaTrackingToken) message.value().trackingToken();
            for (Map.Entry<TopicPartition, Long> position : token.getPositions().entrySet()) {
                if (position.getValue() > seen.getOrDefault(position.getKey(), -1L)) {
                    return Optional.of(position.getKey());
                }
            }
        }
        return Optional.empty();
    }
}
