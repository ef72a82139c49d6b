package org.rekindle.platform.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * A conditional write's filter on a document's {@code _id} and the exact values of some of its fields (a version, a
 * state), with the unique index that answers it.
 * <p>
 * MongoDB answers such a filter from the {@code _id} index anyway. The embedded MongoDB-wire server uses an index only
 * when the filter names exactly that index's fields with plain values, so it would scan the whole collection on every
 * conditional write; a unique index on {@code _id} plus these fields lets it look the document up instead. The index is
 * unique because {@code _id} is, so it costs one entry per document and changes nothing on MongoDB. The filter is a
 * plain document in the index's field order: {@code Filters.and} would render an {@code $and} the server cannot match
 * to an index.
 */
public final class ExactKeyMatch {

    private final List<String> fields;

    private ExactKeyMatch(List<String> fields) {
        this.fields = fields;
    }

    /** Ensures the index on {@code _id} and {@code fields} and returns the filter maker for it. */
    public static ExactKeyMatch on(MongoCollection<Document> collection, String... fields) {
        List<String> keys = new ArrayList<>(List.of("_id"));
        keys.addAll(List.of(fields));
        collection.createIndex(Indexes.ascending(keys), new IndexOptions().unique(true));
        return new ExactKeyMatch(List.copyOf(keys));
    }

    /** The filter for document {@code id} whose fields hold exactly {@code values}, in the order the fields were named. */
    public Document filter(Object id, Object... values) {
        if (values.length != fields.size() - 1) {
            throw new IllegalArgumentException("expected values for " + fields.subList(1, fields.size()));
        }
        Document filter = new Document("_id", id);
        for (int i = 0; i < values.length; i++) {
            filter.append(fields.get(i + 1), values[i]);
        }
        return filter;
    }
}
