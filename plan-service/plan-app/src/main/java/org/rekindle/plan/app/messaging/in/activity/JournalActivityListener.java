package org.rekindle.plan.app.messaging.in.activity;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.rekindle.journal.events.ApologyDrafted;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.MoodCheckedIn;
import org.rekindle.journal.events.NoContactBroken;
import org.rekindle.journal.events.NoContactEnded;
import org.rekindle.journal.events.NoContactStarted;
import org.rekindle.journal.events.ReflectionCompleted;
import org.rekindle.plan.app.command.api.JournalActivity;
import org.rekindle.plan.app.command.api.RecordJournalActivity;
import org.rekindle.plan.app.query.PlanQueries;
import org.rekindle.platform.messaging.IncomingCloudEvent;
import org.rekindle.platform.messaging.KafkaConsumerAutoConfiguration;
import org.rekindle.platform.messaging.RecordBatches;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the client's journal activity into plan commands: a reflection, an apology draft, a mood check-in, or a
 * no-contact attempt (started, broken, ended) may complete a step. The plan dedupes on the CloudEvent id, so redelivery is safe.
 * Activity of a client with no running plan is not kept (there is nothing to complete).
 */
@Component
class JournalActivityListener {

    private final CommandGateway commands;
    private final PlanQueries plans;

    JournalActivityListener(CommandGateway commands, PlanQueries plans) {
        this.commands = commands;
        this.plans = plans;
    }

    /**
     * A poll's records together: the running plans of every client in it are looked up at once (most journal
     * activity is of clients whose plan needs nothing from it, and a catch-up after an outage is thousands of
     * records), then each activity goes to its plans in the order it was polled.
     */
    @KafkaListener(topics = JournalTopic.NAME, groupId = "plan-service-journal",
                   containerFactory = KafkaConsumerAutoConfiguration.BATCH_LISTENERS)
    void on(List<String> records) {
        RecordBatches.handle(records, JournalActivityListener::read, this::recordAll);
    }

    private record Polled(String journalEventId, String clientId, Activity activity) {
    }

    private static Polled read(String record) {
        IncomingCloudEvent event = IncomingCloudEvent.parse(record);
        return new Polled(event.id(), event.subject(), activityOf(event));
    }

    private void recordAll(List<Polled> polled) {
        List<Polled> activities = polled.stream().filter(p -> p.activity() != null).toList();
        Map<String, List<String>> plansOf = plans.activePlanIdsOf(
                activities.stream().map(Polled::clientId).collect(Collectors.toSet()));
        activities.forEach(p -> send(p, plansOf.getOrDefault(p.clientId(), List.of())));
    }

    private void send(Polled polled, List<String> planIds) {
        Activity activity = polled.activity();
        for (String planId : planIds) {
            commands.sendAndWait(new RecordJournalActivity(planId, polled.journalEventId(), activity.kind(),
                                                           activity.promptId(), activity.periodId(),
                                                           activity.attemptDays(), activity.occurredAt(),
                                                           activity.initiatedBy()));
        }
    }

    private record Activity(JournalActivity kind, String promptId, String periodId, Integer attemptDays,
                            Instant occurredAt, String initiatedBy) {

        Activity(JournalActivity kind, String promptId, String periodId, Integer attemptDays, Instant occurredAt) {
            this(kind, promptId, periodId, attemptDays, occurredAt, null);
        }
    }

    private static Activity activityOf(IncomingCloudEvent event) {
        if (ReflectionCompleted.TYPE.equals(event.type())) {
            ReflectionCompleted e = event.data(ReflectionCompleted.class);
            return new Activity(JournalActivity.REFLECTION_COMPLETED, e.promptId(), null, null, e.occurredAt());
        }
        if (ApologyDrafted.TYPE.equals(event.type())) {
            return new Activity(JournalActivity.APOLOGY_DRAFTED, null, null, null,
                                event.data(ApologyDrafted.class).occurredAt());
        }
        if (MoodCheckedIn.TYPE.equals(event.type())) {
            return new Activity(JournalActivity.MOOD_CHECKED_IN, null, null, null,
                                event.data(MoodCheckedIn.class).occurredAt());
        }
        if (NoContactStarted.TYPE.equals(event.type())) {
            NoContactStarted e = event.data(NoContactStarted.class);
            return new Activity(JournalActivity.NO_CONTACT_STARTED, null, e.periodId(), null, e.startedAt());
        }
        if (NoContactBroken.TYPE.equals(event.type())) {
            NoContactBroken e = event.data(NoContactBroken.class);
            return new Activity(JournalActivity.NO_CONTACT_ATTEMPT_ENDED, null, e.periodId(), e.attemptDays(),
                                e.occurredAt(), e.initiatedBy());
        }
        if (NoContactEnded.TYPE.equals(event.type())) {
            NoContactEnded e = event.data(NoContactEnded.class);
            return new Activity(JournalActivity.NO_CONTACT_ATTEMPT_ENDED, null, e.periodId(), null, e.endedAt());
        }
        return null;
    }
}
