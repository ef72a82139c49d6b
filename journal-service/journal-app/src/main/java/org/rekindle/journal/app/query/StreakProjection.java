package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.rekindle.journal.app.command.api.JournalErased;
import org.rekindle.journal.app.command.api.JournalOpened;
import org.rekindle.journal.app.command.api.NoContactBroken;
import org.rekindle.journal.app.command.api.NoContactEnded;
import org.rekindle.journal.app.command.api.NoContactStarted;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

import static org.rekindle.platform.readmodel.IdempotentWrites.replaceOnce;

/**
 * One document per client: the open no-contact period and every finished attempt. The streak itself is computed
 * when read (it grows with time, not with events), see {@link StreakView}.
 */
@Component
@ProcessingGroup(JournalReadModel.PROCESSING_GROUP)
class StreakProjection {

    private final MongoCollection<Document> streaks;

    StreakProjection(ReadModelCollections collections) {
        this.streaks = collections.streaks();
    }

    @EventHandler
    void on(JournalOpened event, @SequenceNumber long position) {
        change(event.clientId(), position, state -> state.opened(event.openedAt()));
    }

    @EventHandler
    void on(NoContactStarted event, @SequenceNumber long position) {
        change(event.clientId(), position,
               state -> state.periodStarted(event.periodId(), event.targetDays(), event.startedAt()));
    }

    @EventHandler
    void on(NoContactBroken event, @SequenceNumber long position) {
        change(event.clientId(), position,
               state -> state.attemptBroken(event.occurredAt(), event.attemptDays(), event.initiatedBy().name()));
    }

    @EventHandler
    void on(NoContactEnded event, @SequenceNumber long position) {
        change(event.clientId(), position, state -> state.periodEnded(event.endedAt(), event.attemptDays()));
    }

    @EventHandler
    void on(JournalErased event) {
        streaks.deleteOne(Filters.eq("_id", event.clientId()));
    }

    @ResetHandler
    void onReset() {
        streaks.deleteMany(new Document());
    }

    private void change(String clientId, long position, Consumer<StreakState> change) {
        Document current = streaks.find(Filters.eq("_id", clientId)).first();
        StreakState state = StreakState.of(current);
        if (state.appliedPosition() >= position) {
            return;
        }
        change.accept(state);
        replaceOnce(streaks, clientId, position, state.toDocument());
    }

}
