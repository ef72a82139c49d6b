package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.rekindle.platform.axon.ProcessorBatch;
import org.rekindle.platform.readmodel.ApplyOnceBatch;
import org.rekindle.platform.readmodel.MonthlyOwnerIndex;
import org.rekindle.platform.readmodel.MonthlyOwnerIndex.Member;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry changes of one processor batch: the new and shared entries' ids go into their clients' lists
 * ({@link EntryLists}) in two bulk writes, and the entries are written with one read of their positions and one bulk
 * write, instead of several round trips per entry.
 */
final class EntryWrites implements ProcessorBatch.PendingWrites {

    private final ApplyOnceBatch entries;
    private final MonthlyOwnerIndex entriesByMonth;
    private final List<Member> listed = new ArrayList<>();

    EntryWrites(MongoCollection<Document> entries, MonthlyOwnerIndex entriesByMonth) {
        this.entries = new ApplyOnceBatch(entries);
        this.entriesByMonth = entriesByMonth;
    }

    /** An entry written for the first time (indexed on every delivery: idempotent). */
    void created(String clientId, String entryId, EntryKind kind, Instant occurredAt, long position, Bson update) {
        listed.addAll(EntryLists.written(clientId, entryId, kind, occurredAt));
        changed(entryId, position, update);
    }

    /** The entry shared (into the client's shared list under the month it was shared; idempotent too). */
    void shared(String clientId, String entryId, Instant sharedAt, long position, Bson update) {
        listed.add(EntryLists.shared(clientId, entryId, sharedAt));
        changed(entryId, position, update);
    }

    void changed(String entryId, long position, Bson update) {
        entries.applyOnce(entryId, position, update);
    }

    @Override
    public void flush() {
        if (!listed.isEmpty()) {
            entriesByMonth.add(listed);
            listed.clear();
        }
        entries.write();
    }
}
