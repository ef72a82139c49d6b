package org.rekindle.plan.app.messaging.in.dashboard;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.events.NoContactBroken;
import org.rekindle.plan.app.query.dashboard.ClientEvent;
import org.rekindle.platform.publishing.CloudEvent;
import org.rekindle.platform.publishing.CloudEventJson;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard reads when a thing happened, not when it was stored; unreadable records are skipped, not fatal. */
class CloudEventKafkaConverterTest {

    private final CloudEventKafkaConverter converter = new CloudEventKafkaConverter();

    @Test
    void aBreachLoggedTodayForLastNightIsDatedLastNight() {
        Instant lastNight = Instant.parse("2026-11-21T23:00:00Z");
        Instant storedThisMorning = Instant.parse("2026-11-22T08:00:00Z");
        String json = CloudEventJson.write(CloudEvent.of("e1", "/rekindle/journal-service", NoContactBroken.TYPE, "c1",
                storedThisMorning, new NoContactBroken("c1", "p", "b", "TEXT", "CLIENT", 12, lastNight)));

        EventMessage<?> message = converter.readKafkaMessage(new ConsumerRecord<>("rekindle.journal.v1", 0, 0, "c1",
                                                                                  json)).orElseThrow();

        ClientEvent event = (ClientEvent) message.getPayload();
        assertThat(message.getIdentifier()).isEqualTo("e1");
        assertThat(event.time()).isEqualTo(lastNight);
        assertThat(message.getTimestamp()).isEqualTo(lastNight);
        assertThat(event.type()).isEqualTo("NoContactBroken");
        assertThat(event.number("attemptDays")).isEqualTo(12);
    }

    @Test
    void unreadableOrForeignRecordsAreSkipped() {
        assertThat(converter.readKafkaMessage(new ConsumerRecord<>("t", 0, 0, "k", "{not json"))).isEmpty();
        assertThat(converter.readKafkaMessage(new ConsumerRecord<>("t", 0, 0, "k", CloudEventJson.write(
                CloudEvent.of("e", "/x", "com.example.Other.v1", "c", Instant.EPOCH, new NoContactBroken(
                        "c", "p", "b", "TEXT", "EX", 1, Instant.EPOCH)))))).isEmpty();
    }
}
