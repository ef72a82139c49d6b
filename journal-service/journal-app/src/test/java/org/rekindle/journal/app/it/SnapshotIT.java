package org.rekindle.journal.app.it;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.app.command.Journal;
import org.rekindle.platform.command.ConflictingCommandException;
import org.rekindle.journal.app.command.api.DraftApology;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A long journal is snapshotted (every 100 events) with Jackson, and the snapshot alone restores its state: after
 * the events it covers are removed from this test's store, an uncached repository still loads the journal whole.
 */
class SnapshotIT extends EmbeddedStackTest {

    @Autowired
    JdbcTemplate store;

    @Autowired
    EventStore eventStore;

    @Autowired
    org.axonframework.config.Configuration axon;

    @Test
    void aLongJournalIsRestoredFromItsSnapshot() throws Exception {
        String client = newClientId();
        Http http = http(client);
        String apology = Json.parse(http.post("/api/clients/" + client + "/journal/apologies",
                                              "{\"text\":\"first\"}").body()).get("entryId").asText();
        for (int i = 0; i < 110; i++) {
            assertThat(http.post("/api/clients/" + client + "/journal/mood-check-ins", "{\"score\":3}").statusCode())
                    .isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> snapshotSequence(client) != null);
        long covered = snapshotSequence(client);
        assertThat(covered).isGreaterThanOrEqualTo(99);

        store.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number <= ?",
                     client, covered);

        EventSourcingRepository<Journal> uncached = EventSourcingRepository.builder(Journal.class)
                                                                           .eventStore(eventStore)
                .parameterResolverFactory(axon.parameterResolverFactory())
                .build();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            Aggregate<Journal> journal = uncached.load(client);
            assertThat(journal.version()).isEqualTo(111L);
            assertThatThrownBy(() -> journal.handle(GenericCommandMessage.asCommandMessage(
                    new DraftApology(client, apology, "again", Instant.now()))))
                    .as("the apology's id is known from the snapshot alone")
                    .isInstanceOf(ConflictingCommandException.class);
        } finally {
            unitOfWork.rollback();
        }
    }

    private Long snapshotSequence(String client) {
        return store.query("SELECT max(sequence_number) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                           rows -> rows.next() ? (Long) rows.getObject(1, Long.class) : null, client);
    }
}
