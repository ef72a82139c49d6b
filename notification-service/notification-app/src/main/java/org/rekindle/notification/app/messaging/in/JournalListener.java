package org.rekindle.notification.app.messaging.in;

import org.rekindle.journal.events.ApologyDrafted;
import org.rekindle.journal.events.ApologyRevised;
import org.rekindle.journal.events.ConsentChanged;
import org.rekindle.journal.events.EntryShared;
import org.rekindle.journal.events.JournalErased;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.MoodCheckedIn;
import org.rekindle.journal.events.NoContactBroken;
import org.rekindle.journal.events.NoContactEnded;
import org.rekindle.journal.events.NoContactStarted;
import org.rekindle.journal.events.ReflectionCompleted;
import org.rekindle.journal.events.UrgeRecorded;
import org.rekindle.notification.app.engine.NotificationEngine;
import org.rekindle.notification.app.rules.ClientActivity;
import org.rekindle.platform.messaging.IncomingCloudEvent;
import org.rekindle.platform.messaging.KafkaConsumerAutoConfiguration;
import org.rekindle.platform.messaging.RecordBatches;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client's journal, as the rules need it: mood scores, no-contact periods and breaches, and the fact of other
 * activity (never its text). A record that cannot be read goes to the dead-letter topic after the retries.
 */
@Component
class JournalListener {

    private final NotificationEngine engine;

    JournalListener(NotificationEngine engine) {
        this.engine = engine;
    }

    /**
     * One consumer per partition (3 by default): a client's events share a partition (keyed by client), so each
     * client's stay in order, and clients on different partitions are decided in parallel (their facts are separate
     * documents, written with optimistic versions). A poll's records are decided per client: the client's facts are
     * read and written once for all of their activities in it, in order; an erasure ends the activities before it.
     */
    @KafkaListener(topics = JournalTopic.NAME, groupId = "notification-service-journal",
                   containerFactory = KafkaConsumerAutoConfiguration.BATCH_LISTENERS,
                   concurrency = "${rekindle.notification.journal-consumers:3}")
    void on(List<String> records) {
        RecordBatches.handle(records, JournalListener::read, this::decideAll);
    }

    /** A record as the rules take it: an activity, an erasure, or neither (null activity, not erased). */
    private record Polled(String clientId, ClientActivity activity, boolean erased) {
    }

    private static Polled read(String record) {
        IncomingCloudEvent event = IncomingCloudEvent.parse(record);
        if (JournalErased.TYPE.equals(event.type())) {
            event.data(JournalErased.class);
            return new Polled(event.subject(), null, true);
        }
        return new Polled(event.subject(), activityOf(event), false);
    }

    private void decideAll(List<Polled> polled) {
        Map<String, List<ClientActivity>> pending = new LinkedHashMap<>();
        for (Polled p : polled) {
            if (p.erased()) {
                decide(p.clientId(), pending.remove(p.clientId()));
                engine.erase(p.clientId());
            } else if (p.activity() != null) {
                pending.computeIfAbsent(p.clientId(), client -> new ArrayList<>()).add(p.activity());
            }
        }
        pending.forEach(this::decide);
    }

    private void decide(String clientId, List<ClientActivity> activities) {
        if (activities != null) {
            engine.on(clientId, activities);
        }
    }

    static ClientActivity activityOf(IncomingCloudEvent event) {
        String id = event.id();
        String type = event.type();
        if (MoodCheckedIn.TYPE.equals(type)) {
            MoodCheckedIn e = event.data(MoodCheckedIn.class);
            return new ClientActivity.MoodCheckedIn(id, type, e.occurredAt(), e.score());
        }
        if (org.rekindle.journal.events.WellBeingCheckedIn.TYPE.equals(type)) {
            var e = event.data(org.rekindle.journal.events.WellBeingCheckedIn.class);
            return new ClientActivity.WellBeingCheckedIn(id, type, e.occurredAt(), e.percentage(), e.week());
        }
        if (NoContactStarted.TYPE.equals(type)) {
            NoContactStarted e = event.data(NoContactStarted.class);
            return new ClientActivity.NoContactStarted(id, type, e.startedAt(), e.periodId(), e.targetDays());
        }
        if (NoContactBroken.TYPE.equals(type)) {
            NoContactBroken e = event.data(NoContactBroken.class);
            return new ClientActivity.NoContactBroken(id, type, e.occurredAt(), e.periodId(), e.channel(),
                                                      e.initiatedBy(), e.attemptDays());
        }
        if (NoContactEnded.TYPE.equals(type)) {
            NoContactEnded e = event.data(NoContactEnded.class);
            return new ClientActivity.NoContactEnded(id, type, e.endedAt(), e.periodId());
        }
        if (ReflectionCompleted.TYPE.equals(type)) {
            return new ClientActivity.JournalEntry(id, type, event.data(ReflectionCompleted.class).occurredAt());
        }
        if (ApologyDrafted.TYPE.equals(type)) {
            return new ClientActivity.JournalEntry(id, type, event.data(ApologyDrafted.class).occurredAt());
        }
        if (ApologyRevised.TYPE.equals(type)) {
            return new ClientActivity.JournalEntry(id, type, event.data(ApologyRevised.class).occurredAt());
        }
        if (UrgeRecorded.TYPE.equals(type)) {
            return new ClientActivity.JournalEntry(id, type, event.data(UrgeRecorded.class).occurredAt());
        }
        if (ConsentChanged.TYPE.equals(type)) {
            ConsentChanged e = event.data(ConsentChanged.class);
            return new ClientActivity.ConsentChanged(id, type, e.changedAt(), e.coachSees());
        }
        if (EntryShared.TYPE.equals(type)) {
            return new ClientActivity.JournalEntry(id, type, event.data(EntryShared.class).occurredAt());
        }
        return null;
    }
}
