package org.rekindle.bench;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.rekindle.journal.app.command.api.JournalOpened;
import org.rekindle.journal.app.command.api.MoodCheckedIn;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * History appended through journal-service's own event store: the events a mood check-in command stores
 * ({@code JournalOpened}, then {@code MoodCheckedIn}), for clients of their own, in batches of 1,000. Writing 90,000
 * commands over HTTP at ~100/s would take most of an hour here; what the growth figure needs is the stored history
 * (and every processor caught up with it), not the way it got there.
 */
final class JournalHistory {

    private static final String AGGREGATE_TYPE = "Journal";
    private static final int BATCH = 1_000;

    private JournalHistory() {
    }

    static void append(ConfigurableApplicationContext journal, int events, int clients) {
        EventStore store = journal.getBean(EventStore.class);
        int perClient = (events + clients - 1) / clients;
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        int written = 0;
        for (int c = 0; c < clients && written < events; c++) {
            String client = String.format("bench-history-%03d", c);
            Instant opened = Instant.now();
            batch.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, client, 0, new JournalOpened(client, opened)));
            written++;
            for (int seq = 1; seq < perClient && written < events; seq++) {
                batch.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, client, seq, new MoodCheckedIn(
                        client, "history-" + c + "-" + seq, 1 + seq % 5, null, null, Instant.now())));
                written++;
                if (batch.size() == BATCH) {
                    store.publish(batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            store.publish(batch);
        }
    }
}
