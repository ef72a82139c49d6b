package org.rekindle.notification.app.engine;

import org.rekindle.notification.app.rules.ClientActivity;

import java.util.List;
import java.util.Map;

/**
 * A coach's past, read again from the record of truth, for a backtest: the journal activity of each client assigned
 * to the coach, in the order it happened. An outbound port: messaging/in's {@code KafkaHistory} reads it from Kafka,
 * with the same mapping the live listeners use.
 */
public interface CoachHistory {

    Map<String, List<ClientActivity>> journalOfClientsOf(String coachId);
}
