package org.rekindle.notification.app.messaging.in;

import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.MessageSent;
import org.rekindle.notification.app.engine.Notifier;
import org.rekindle.notification.app.query.ClientFactsStore;
import org.rekindle.notification.app.rules.MessageNotices;
import org.rekindle.platform.messaging.IncomingCloudEvent;
import org.rekindle.platform.messaging.KafkaConsumerAutoConfiguration;
import org.rekindle.platform.messaging.RecordBatches;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * A new message between a client and their coach: the other side is told, in the feed and by email (no text),
 * after their quiet hours and as their preferences allow ({@link org.rekindle.notification.app.engine.Notifier},
 * the delivery). Its own consumer group, so a message never waits behind the rules' backlog; only
 * {@code MessageSent} is read here, every other journal type is the rules' ({@link JournalListener}).
 */
@Component
class ConversationListener {

    private final Notifier notifier;
    private final ClientFactsStore facts;
    private final Clock clock;

    ConversationListener(Notifier notifier, ClientFactsStore facts, Clock clock) {
        this.notifier = notifier;
        this.facts = facts;
        this.clock = clock;
    }

    @KafkaListener(topics = JournalTopic.NAME, groupId = "notification-service-messages",
                   containerFactory = KafkaConsumerAutoConfiguration.BATCH_LISTENERS)
    void on(List<String> records) {
        RecordBatches.handleEach(records, this::on);
    }

    private void on(String record) {
        IncomingCloudEvent event = IncomingCloudEvent.parseIfCloudEvent(record).orElse(null);
        if (event == null || !MessageSent.TYPE.equals(event.type())) { // poison records: JournalListener parks them
            return;
        }
        MessageSent sent = event.data(MessageSent.class);
        MessageNotices.of(event.id(), event.type(), sent.clientId(), sent.coachId(), sent.sender(), sent.sentAt(),
                          clock.instant())
                      .ifPresent(notice -> notifier.raise(notice, sent.coachId(),
                                                          facts.load(sent.clientId()).facts().timezone()));
    }
}
