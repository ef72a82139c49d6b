package org.rekindle.platform.readmodel;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Read-model writes that a replay or a redelivery cannot apply twice.
 * <p>
 * Every document remembers the position ({@value #POSITION}) of the last event applied to it, e.g. the aggregate
 * sequence number. The document's position is read by {@code _id} first; an event at or before it (or a document
 * that has none) changes nothing, a newer one is written by {@code _id}. Both are lookups on the unique {@code _id}
 * index: a filter on {@code _id} and the position together would make the embedded MongoDB-wire server scan the
 * whole collection on every event (it only uses an index when the filter names exactly the index's fields), and
 * some of these collections grow with history (one document per journal entry).
 * <p>
 * The read and the write are two steps, so one writer per document is assumed: a tracking processor's segment,
 * which receives the events of an aggregate in order and is claimed by one instance at a time.
 */
public final class IdempotentWrites {

    public static final String POSITION = "appliedPosition";

    private IdempotentWrites() {
    }

    /** Applies {@code update} to document {@code id} (creating it) unless an event at or after {@code position} was applied. */
    public static boolean applyOnce(MongoCollection<Document> collection, String id, long position, Bson update) {
        if (alreadyApplied(collection, id, position)) {
            return false;
        }
        collection.updateOne(Filters.eq("_id", id), positioned(update, position), new UpdateOptions().upsert(true));
        return true;
    }

    /** {@code update} that also records {@code position} as the document's last applied event. */
    static Bson positioned(Bson update, long position) {
        return Updates.combine(update, Updates.set(POSITION, position));
    }

    /**
     * Replaces document {@code id} with {@code document} (read-modify-write by a single-threaded projection) unless an
     * event at or after {@code position} was applied already.
     */
    public static boolean replaceOnce(MongoCollection<Document> collection, String id, long position,
                                      Document document) {
        if (alreadyApplied(collection, id, position)) {
            return false;
        }
        Document replacement = new Document(document).append("_id", id).append(POSITION, position);
        collection.replaceOne(Filters.eq("_id", id), replacement, new ReplaceOptions().upsert(true));
        return true;
    }

    /** The document exists and holds an event at or after {@code position} (or no position: not ours to change). */
    private static boolean alreadyApplied(MongoCollection<Document> collection, String id, long position) {
        Document current = collection.find(Filters.eq("_id", id)).projection(Projections.include(POSITION)).first();
        return current != null && appliedPosition(current) >= position;
    }

    /** The position of the last event applied to {@code document}; one stored without a position is never older. */
    static long appliedPosition(Document document) {
        Number applied = document.get(POSITION, Number.class);
        return applied == null ? Long.MAX_VALUE : applied.longValue();
    }

    /** Inserts a document keyed by an event-derived id once; later deliveries of the same event change nothing. */
    public static boolean insertOnce(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
