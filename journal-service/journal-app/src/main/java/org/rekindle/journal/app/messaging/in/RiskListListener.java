package org.rekindle.journal.app.messaging.in;

import org.rekindle.content.events.ContentTopic;
import org.rekindle.content.events.RiskListRevised;
import org.rekindle.journal.app.command.safety.RiskClass;
import org.rekindle.journal.app.command.safety.RiskList;
import org.rekindle.journal.app.command.safety.RiskPhrase;
import org.rekindle.journal.app.query.CurrentRiskLists;
import org.rekindle.platform.messaging.IncomingCloudEvent;
import org.rekindle.platform.messaging.UnreadableRecordException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps journal-service's copy of content-service's risk-language lists: a newer version replaces the one held (a
 * redelivered or older one changes nothing). A list that does not parse is not taken (the record goes to the
 * dead-letter topic): the journal keeps screening with what it has rather than with nothing.
 */
@Component
class RiskListListener {

    private final CurrentRiskLists lists;

    RiskListListener(CurrentRiskLists lists) {
        this.lists = lists;
    }

    @KafkaListener(topics = ContentTopic.NAME, groupId = "journal-service-risk-lists")
    void on(String record) {
        IncomingCloudEvent event = IncomingCloudEvent.parse(record);
        if (!RiskListRevised.TYPE.equals(event.type())) {
            return;
        }
        RiskListRevised revised = event.data(RiskListRevised.class);
        if (revised.language() == null || revised.phrases() == null || revised.phrases().isEmpty()) {
            throw new UnreadableRecordException("risk list without language or phrases", null);
        }
        try {
            lists.accept(new RiskList(revised.language(), revised.version(), revised.phrases().stream()
                    .map(p -> new RiskPhrase(p.phrase(), RiskClass.valueOf(p.riskClass()))).toList()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnreadableRecordException("risk list " + revised.language() + " v" + revised.version()
                                                + " does not parse: " + e.getMessage(), e);
        }
    }
}
