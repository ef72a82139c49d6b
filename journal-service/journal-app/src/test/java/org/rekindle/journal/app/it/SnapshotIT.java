package org.rekindle.journal.app.it;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.app.command.CoachCalendar;
import org.rekindle.journal.app.command.Journal;
import org.rekindle.journal.app.command.api.BookSession;
import org.rekindle.platform.command.InvalidCommandException;
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

    /** A coach's calendar too: the rule, days off and booked sessions come back from the snapshot alone. */
    @Test
    void aLongCalendarIsRestoredFromItsSnapshot() throws Exception {
        String coach = "coach-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String client = newClientId();
        Http theCoach = anonymous().as(org.rekindle.platform.testing.TestIssuer.get().coach(coach));
        StringBuilder everyDay = new StringBuilder();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            everyDay.append(everyDay.isEmpty() ? "" : ",").append("{\"day\":\"").append(day)
                    .append("\",\"start\":\"09:00\"}");
        }
        assertThat(theCoach.put("/api/coaches/" + coach + "/calendar/availability",
                                "{\"zone\":\"Europe/Berlin\",\"minutes\":45,\"slots\":[" + everyDay + "]}")
                           .statusCode()).isEqualTo(200);
        JournalAccessIT.assign(client, coach);
        Http own = http(client);
        String free = await().atMost(Duration.ofSeconds(30)).until(
                () -> Json.parse(own.get("/api/clients/" + client + "/sessions/free-slots").body())
                          .at("/slots/0/start").asText(""), start -> !start.isEmpty());
        assertThat(own.post("/api/clients/" + client + "/sessions", "{\"start\":\"" + free + "\"}").statusCode())
                .isEqualTo(201);
        java.time.LocalDate first = java.time.LocalDate.of(2031, 1, 1);
        for (int i = 0; i < 105; i++) {
            assertThat(theCoach.post("/api/coaches/" + coach + "/calendar/exceptions",
                                     "{\"date\":\"" + first.plusDays(i) + "\"}").statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> snapshotSequence(coach) != null);
        long covered = snapshotSequence(coach);
        store.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number <= ?",
                     coach, covered);

        EventSourcingRepository<CoachCalendar> uncached = EventSourcingRepository.builder(CoachCalendar.class)
                .eventStore(eventStore).parameterResolverFactory(axon.parameterResolverFactory()).build();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            Aggregate<CoachCalendar> calendar = uncached.load(coach);
            assertThat(calendar.version()).isEqualTo(106L);
            assertThatThrownBy(() -> calendar.handle(GenericCommandMessage.asCommandMessage(
                    new BookSession(coach, "s-again", newClientId(), Instant.parse(free), Instant.now()))))
                    .as("the booked session is known from the snapshot alone")
                    .isInstanceOf(ConflictingCommandException.class);
            assertThatThrownBy(() -> calendar.handle(GenericCommandMessage.asCommandMessage(
                    new BookSession(coach, "s-off", client, Instant.parse("2031-01-10T08:00:00Z"), Instant.now()))))
                    .as("a day off and the 09:00 Berlin rule are known from the snapshot alone")
                    .isInstanceOf(InvalidCommandException.class).hasMessage("start is not a slot the coach offers");
            calendar.handle(GenericCommandMessage.asCommandMessage(new BookSession(
                    coach, "s-after", client, Instant.parse("2031-05-01T07:00:00Z"), Instant.now())));
        } finally {
            unitOfWork.rollback();
        }
    }

    private Long snapshotSequence(String client) {
        return store.query("SELECT max(sequence_number) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                           rows -> rows.next() ? (Long) rows.getObject(1, Long.class) : null, client);
    }
}
