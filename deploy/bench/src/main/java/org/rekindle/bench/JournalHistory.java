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
 * ({@code JournalOpened}, then {@code MoodCheckedIn}), for clients of their own, in batches of 1,000 (one transaction
 * each on the JDBC event store). Writing 1,000,000 commands over HTTP would take hours here; what the growth figure
 * needs is the stored history (and every processor caught up with it), not the way it got there.
 */
final class JournalHistory {

    private static final String AGGREGATE_TYPE = "Journal";
    private static final int BATCH = 1_000;

    private JournalHistory() {
    }

    /** {@code events} events for {@code clients} new journals named {@code <prefix>-NNNN}. */
    static void append(ConfigurableApplicationContext journal, int events, int clients, String prefix) {
        EventStore store = journal.getBean(EventStore.class);
        int perClient = (events + clients - 1) / clients;
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        int written = 0;
        for (int c = 0; c < clients && written < events; c++) {
            String client = String.format("%s-%04d", prefix, c);
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
