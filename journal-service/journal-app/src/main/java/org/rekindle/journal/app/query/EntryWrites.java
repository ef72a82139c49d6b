package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.rekindle.platform.axon.ProcessorBatch;
import org.rekindle.platform.readmodel.ApplyOnceBatch;
import org.rekindle.platform.readmodel.OwnerIndex;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The entry changes of one processor batch: the new entries' ids go into their clients' indexes in one bulk
 * {@code $addToSet}, and the entries are written with one read of their positions and one bulk write, instead of
 * three round trips per entry.
 */
final class EntryWrites implements ProcessorBatch.PendingWrites {

    private final ApplyOnceBatch entries;
    private final OwnerIndex entriesByClient;
    private final Map<String, Set<String>> createdByClient = new LinkedHashMap<>();

    EntryWrites(MongoCollection<Document> entries, OwnerIndex entriesByClient) {
        this.entries = new ApplyOnceBatch(entries);
        this.entriesByClient = entriesByClient;
    }

    /** An entry written for the first time (indexed on every delivery: idempotent). */
    void created(String clientId, String entryId, long position, Bson update) {
        createdByClient.computeIfAbsent(clientId, c -> new LinkedHashSet<>()).add(entryId);
        changed(entryId, position, update);
    }

    void changed(String entryId, long position, Bson update) {
        entries.applyOnce(entryId, position, update);
    }

    @Override
    public void flush() {
        entriesByClient.add(createdByClient);
        createdByClient.clear();
        entries.write();
    }
}
