package org.rekindle.platform.readmodel;

import org.bson.Document;

import java.util.Comparator;

/** Sort orders for documents sorted in memory, as MongoDB sorts them: a missing field first when ascending. */
public final class DocumentOrder {

    private DocumentOrder() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Comparator<Document> ascending(String field) {
        return Comparator.comparing(doc -> (Comparable) doc.get(field), Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    public static Comparator<Document> descending(String field) {
        return ascending(field).reversed();
    }
}
