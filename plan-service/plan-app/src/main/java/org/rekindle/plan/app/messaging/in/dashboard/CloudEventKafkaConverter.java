package org.rekindle.plan.app.messaging.in.dashboard;

import com.fasterxml.jackson.core.type.TypeReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.GenericMessage;
import org.rekindle.plan.app.query.dashboard.ClientEvent;
import org.rekindle.platform.messaging.IncomingCloudEvent;
import org.rekindle.platform.publishing.CloudEventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the journal's and plans' CloudEvents into Axon event messages for the dashboard's Kafka-fed tracking
 * processor: the message id is the CloudEvent id (so replays and redeliveries are recognisable); its time is when
 * the thing happened ({@code occurredAt}, {@code startedAt}, ... in the data), not when it was stored, which is the
 * CloudEvent time and only the fallback. Records that are not valid CloudEvents of a v1 type are skipped with a warning: the dashboard is
 * a derived view, and the same record reaches the service's DLT through its command-side consumer.
 */
class CloudEventKafkaConverter implements KafkaMessageConverter<String, String> {

    private static final Logger log = LoggerFactory.getLogger(CloudEventKafkaConverter.class);
    private static final Pattern TYPE = Pattern.compile("rekindle\\.(journal|plan)\\.(\\w+)\\.v1");
    /**
     * When it happened, as the producers name it; a client may log last night's call this morning. A change of breach
     * rules happens, for the fold, when it takes effect ({@code effectiveAt}): a retroactive one is in every
     * time-travel row since the plan's start, and a month already ended is folded again (a late arrival).
     */
    private static final List<String> BUSINESS_TIMES = List.of("effectiveAt", "occurredAt", "startedAt", "endedAt", "assignedAt",
            "completedAt", "skippedAt", "reopenedAt", "pausedAt", "resumedAt", "changedAt");

    @Override
    public ProducerRecord<String, String> createKafkaMessage(EventMessage<?> eventMessage, String topic) {
        throw new UnsupportedOperationException("the dashboard only reads Kafka");
    }

    @Override
    public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, String> record) {
        try {
            IncomingCloudEvent event = IncomingCloudEvent.parse(record.value());
            Matcher type = TYPE.matcher(event.type());
            if (!type.matches()) {
                return Optional.empty();
            }
            var node = CloudEventJson.readTree(record.value());
            Map<String, Object> data = CloudEventJson.convert(node.get("data"), new TypeReference<>() { });
            Instant recordedAt = Instant.parse(node.get("time").asText());
            Instant time = BUSINESS_TIMES.stream().filter(data::containsKey).findFirst()
                    .map(field -> Instant.parse(data.get(field).toString())).orElse(recordedAt);
            ClientEvent payload = new ClientEvent(event.id(), event.subject(), type.group(2), time, data, recordedAt);
            return Optional.of(new GenericEventMessage<>(new GenericMessage<>(event.id(), payload, Map.of()), () -> time));
        } catch (RuntimeException e) {
            log.warn("Dashboard skips an unreadable record at {}-{}@{}: {}", record.topic(), record.partition(),
                     record.offset(), e.getMessage());
            return Optional.empty();
        }
    }
}
