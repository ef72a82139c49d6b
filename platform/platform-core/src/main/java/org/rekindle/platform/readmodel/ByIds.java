package org.rekindle.platform.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads documents by their ids in slices of {@value #SLICE}. Why: the embedded MongoDB-wire server finds the
 * documents of an {@code _id $in} through its index, but then checks every document it found against the whole
 * {@code $in} list, one comparison per list element; one lookup of n ids costs n² comparisons while it holds the
 * collection's lock (7,000 ids: 49 million, about a second in which nobody writes to that collection). Slices keep
 * it at n × {@value #SLICE}. On real MongoDB a slice is one more round trip per {@value #SLICE} documents.
 */
public final class ByIds {

    static final int SLICE = 256;

    private ByIds() {
    }

    /** The documents with these ids, in no particular order; ids with no document are skipped. */
    public static List<Document> find(MongoCollection<Document> collection, Collection<?> ids) {
        return find(collection, ids, null);
    }

    /** As above, each document with only the fields {@code projection} names ({@code null}: all of them). */
    public static List<Document> find(MongoCollection<Document> collection, Collection<?> ids, Bson projection) {
        List<Object> all = List.copyOf(ids);
        List<Document> found = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += SLICE) {
            List<Object> slice = all.subList(from, Math.min(all.size(), from + SLICE));
            collection.find(Filters.in("_id", slice)).projection(projection).into(found);
        }
        return found;
    }
}
