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

    /** Oldest {@code time} first (an export); documents of the same time by {@code _id}. */
    public static Comparator<Document> oldestFirst(String time) {
        return ascending(time).thenComparing(ascending("_id"));
    }

    /** Newest {@code time} first; documents of the same time by {@code _id}, so a page boundary is stable. */
    public static Comparator<Document> newestFirst(String time) {
        return descending(time).thenComparing(ascending("_id"));
    }
}
