package org.rekindle.platform.testing;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rekindle.platform.publishing.CloudEvent;
import org.rekindle.platform.publishing.CloudEventJson;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Writes other services' CloudEvents to Kafka exactly as they do (the same writer, the producers' contract
 * records, keyed by subject) and waits for each acknowledgement (acks=all).
 */
public final class CloudEventProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public CloudEventProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                                              ProducerConfig.ACKS_CONFIG, "all"),
                                       new StringSerializer(), new StringSerializer());
    }

    /** Publishes a CloudEvent keyed by its subject; returns the record as written. */
    public String send(String topic, String id, String type, String subject, Record data, Instant time) {
        String json = CloudEventJson.write(CloudEvent.of(id, "/rekindle/test", type, subject, time, data));
        sendRaw(topic, subject, json);
        return json;
    }

    /** Publishes a raw record (a poison one, or one read back to deliver it twice). */
    public void sendRaw(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the record", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
