package org.rekindle.platform.readmodel;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import org.bson.Document;

import java.util.List;

/**
 * One unordered bulk write of upserts by {@code _id} whose updates are idempotent ({@code $addToSet}, {@code $set}).
 * Two writers creating the same document at once: one upsert loses on {@code _id} (a duplicate key error), and the
 * whole write is simply done again, since the document exists then and every update is idempotent.
 */
public final class BulkUpserts {

    private BulkUpserts() {
    }

    public static void write(MongoCollection<Document> collection, List<UpdateOneModel<Document>> upserts) {
        if (upserts.isEmpty()) {
            return;
        }
        try {
            collection.bulkWrite(upserts, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyCreationRaces = e.getWriteErrors().stream().allMatch(
                    error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyCreationRaces) {
                throw e;
            }
            collection.bulkWrite(upserts, new BulkWriteOptions().ordered(false));
        }
    }
}
