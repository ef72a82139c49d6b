package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.rekindle.journal.app.command.api.JournalErased;
import org.rekindle.journal.app.command.api.ApologyDrafted;
import org.rekindle.journal.app.command.api.ApologyRevised;
import org.rekindle.journal.app.command.api.EntryShared;
import org.rekindle.journal.app.command.api.EntryUnshared;
import org.rekindle.journal.app.command.api.MoodCheckedIn;
import org.rekindle.journal.app.command.api.ReflectionCompleted;
import org.rekindle.platform.axon.ProcessorBatch;
import org.rekindle.platform.readmodel.MonthlyOwnerIndex;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

/**
 * Journal entries as the client (and, for shared ones, the coach) reads them. One document per entry, and the entry
 * ids of each client in {@code journal_entries_by_client} (added on every delivery: idempotent, and a replay over
 * documents stored before that index existed fills it). A processor batch's changes are written together
 * ({@link EntryWrites}).
 */
@Component
@ProcessingGroup(JournalReadModel.PROCESSING_GROUP)
class EntryProjection {

    private static final String BATCH = EntryProjection.class.getName() + ".writes";

    private final MongoCollection<Document> entries;
    private final MonthlyOwnerIndex entriesByMonth;

    EntryProjection(ReadModelCollections collections) {
        this.entries = collections.entries();
        this.entriesByMonth = collections.entriesByMonth();
    }

    @EventHandler
    void on(ReflectionCompleted event, @SequenceNumber long position) {
        write(writes -> writes.created(event.clientId(), event.entryId(), EntryKind.REFLECTION, event.occurredAt(), position,
                Updates.combine(created(event.clientId(), EntryKind.REFLECTION, event.occurredAt()),
                Updates.set("promptId", event.promptId()),
                Updates.set("text", event.text()))));
    }

    @EventHandler
    void on(ApologyDrafted event, @SequenceNumber long position) {
        write(writes -> writes.created(event.clientId(), event.entryId(), EntryKind.APOLOGY, event.occurredAt(), position,
                Updates.combine(created(event.clientId(), EntryKind.APOLOGY, event.occurredAt()),
                Updates.set("text", event.text()),
                Updates.set("versions", List.of(version(event.version(), event.text(), event.occurredAt()))))));
    }

    @EventHandler
    void on(ApologyRevised event, @SequenceNumber long position) {
        write(writes -> writes.changed(event.entryId(), position, Updates.combine(
                Updates.set("text", event.text()),
                Updates.set("updatedAt", date(event.occurredAt())),
                Updates.push("versions", version(event.version(), event.text(), event.occurredAt())))));
    }

    @EventHandler
    void on(MoodCheckedIn event, @SequenceNumber long position) {
        write(writes -> writes.created(event.clientId(), event.entryId(), EntryKind.MOOD_CHECK_IN, event.occurredAt(), position,
                Updates.combine(created(event.clientId(), EntryKind.MOOD_CHECK_IN, event.occurredAt()),
                Updates.set("score", event.score()),
                Updates.set("note", event.note()),
                Updates.set("sleepHours", event.sleepHours()))));
    }

    @EventHandler
    void on(EntryShared event, @SequenceNumber long position) {
        write(writes -> writes.shared(event.clientId(), event.entryId(), event.occurredAt(), position, Updates.combine(
                Updates.set("shared", true), Updates.set("sharedAt", date(event.occurredAt())))));
    }

    @EventHandler
    void on(EntryUnshared event, @SequenceNumber long position) {
        write(writes -> writes.changed(event.entryId(), position, Updates.combine(
                Updates.set("shared", false), Updates.unset("sharedAt"))));
    }

    /**
     * An erased client's records go; what stays elsewhere (events, snapshots) is sealed with the deleted key. By the
     * client id, not the index: erasure must find every record, and it is rare (the embedded server scans).
     */
    @EventHandler
    void on(JournalErased event) {
        writePending(); // what this batch wrote before the erasure goes with it
        entries.deleteMany(com.mongodb.client.model.Filters.eq("clientId", event.clientId()));
        EntryLists.everyListOf(event.clientId()).forEach(entriesByMonth::forget);
    }

    @ResetHandler
    void onReset() {
        entries.deleteMany(new Document());
        entriesByMonth.clear();
    }

    /**
     * Writes the entry changes this processor batch holds, for a handler that changes entries directly (an erasure, a
     * re-seal): it must see the batch's earlier events, and its own change must come after them.
     */
    static void writePending() {
        ProcessorBatch.writePending(BATCH);
    }

    /** Hands the change to this processor batch's entry writes (written together at the batch's end). */
    private void write(Consumer<EntryWrites> change) {
        ProcessorBatch.add(BATCH, () -> new EntryWrites(entries, entriesByMonth), change);
    }

    private static org.bson.conversions.Bson created(String clientId, EntryKind kind, Instant occurredAt) {
        return Updates.combine(Updates.set("clientId", clientId), Updates.set("kind", kind.name()),
                               Updates.set("occurredAt", date(occurredAt)),
                               Updates.set("updatedAt", date(occurredAt)), Updates.set("shared", false));
    }

    private static Document version(int version, String text, Instant occurredAt) {
        return new Document("version", version).append("text", text).append("occurredAt", date(occurredAt));
    }

    static Date date(Instant instant) {
        return Date.from(instant);
    }
}
