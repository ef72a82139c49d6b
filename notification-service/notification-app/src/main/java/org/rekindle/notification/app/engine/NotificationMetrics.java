package org.rekindle.notification.app.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.rekindle.notification.app.query.DeliveryLog;
import org.rekindle.notification.app.rules.Channel;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * What the rules raised and what became of each delivery, tagged by rule, channel and outcome only (never a person):
 * {@code rekindle.notifications.raised} (new notifications, not repeats of one already raised),
 * {@code rekindle.notifications.deliveries} (outcome {@code sent}, {@code skipped}, {@code failed} for an attempt
 * that will be retried, {@code gave_up}) and {@code rekindle.notifications.delivery.latency}, from raising to sent.
 */
@Component
public class NotificationMetrics {

    private final MeterRegistry registry;

    NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void raised(String rule) {
        Counter.builder("rekindle.notifications.raised").tag("rule", rule)
               .description("Notifications raised by a rule").register(registry).increment();
    }

    public void delivered(String rule, Channel channel, DeliveryLog.State outcome) {
        Counter.builder("rekindle.notifications.deliveries").tag("rule", rule).tag("channel", channel.name())
               .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
               .description("Delivery attempts by outcome").register(registry).increment();
    }

    public void sent(String rule, Channel channel, Instant raisedAt, Instant sentAt) {
        delivered(rule, channel, DeliveryLog.State.SENT);
        Timer.builder("rekindle.notifications.delivery.latency").tag("rule", rule).tag("channel", channel.name())
             .description("From a notification being raised to its delivery on the channel")
             .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1),
                                     Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(12))
             .register(registry)
             .record(Duration.between(raisedAt, sentAt).isNegative() ? Duration.ZERO
                                                                     : Duration.between(raisedAt, sentAt));
    }
}
