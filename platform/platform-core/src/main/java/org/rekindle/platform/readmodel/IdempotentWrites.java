package org.rekindle.platform.readmodel;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Read-model writes that a replay or a redelivery cannot apply twice.
 * <p>
 * Every document remembers the position ({@value #POSITION}) of the last event applied to it, e.g. the aggregate
 * sequence number. An update runs only if its event is newer; an older or equal one finds no match, the upsert then
 * collides on {@code _id}, and the duplicate is dropped. Works on the embedded MongoDB-wire server too: it only
 * relies on the unique {@code _id} index.
 */
public final class IdempotentWrites {

    public static final String POSITION = "appliedPosition";

    private IdempotentWrites() {
    }

    /** Applies {@code update} to document {@code id} (creating it) unless an event at or after {@code position} was applied. */
    public static boolean applyOnce(MongoCollection<Document> collection, String id, long position, Bson update) {
        try {
            var result = collection.updateOne(
                    Filters.and(Filters.eq("_id", id), Filters.lt(POSITION, position)),
                    Updates.combine(update, Updates.set(POSITION, position)),
                    new UpdateOptions().upsert(true));
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Replaces document {@code id} with {@code document} (read-modify-write by a single-threaded projection) unless an
     * event at or after {@code position} was applied already.
     */
    public static boolean replaceOnce(MongoCollection<Document> collection, String id, long position,
                                      Document document) {
        Document replacement = new Document(document).append("_id", id).append(POSITION, position);
        try {
            var result = collection.replaceOne(Filters.and(Filters.eq("_id", id), Filters.lt(POSITION, position)),
                                               replacement, new com.mongodb.client.model.ReplaceOptions().upsert(true));
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
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
