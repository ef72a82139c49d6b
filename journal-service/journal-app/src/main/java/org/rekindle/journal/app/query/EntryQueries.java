package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.rekindle.journal.app.command.TextCipher;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Component
public class EntryQueries {

    public static final int MAX_PAGE = 500;

    private final MongoCollection<Document> entries;

    private final TextCipher cipher;

    EntryQueries(ReadModelCollections collections, TextCipher cipher) {
        this.cipher = cipher;
        this.entries = collections.entries();
    }

    /** The client's entries, newest first, optionally only of one kind or only shared ones. */
    public List<EntryView> list(String clientId, EntryKind kind, Boolean shared, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(Filters.eq("clientId", clientId)));
        if (kind != null) {
            filters.add(Filters.eq("kind", kind.name()));
        }
        if (shared != null) {
            filters.add(Filters.eq("shared", shared));
        }
        return entries.find(Filters.and(filters))
                      .sort(Sorts.orderBy(Sorts.descending("occurredAt"), Sorts.ascending("_id")))
                      .limit(Math.min(limit, MAX_PAGE))
                      .map(doc -> EntryView.of(doc, cipher))
                      .into(new ArrayList<>());
    }

    /** Every entry of the client (only the shared ones when asked), oldest first: for an export. */
    public List<EntryView> all(String clientId, boolean sharedOnly) {
        Bson filter = sharedOnly ? Filters.and(Filters.eq("clientId", clientId), Filters.eq("shared", true))
                                 : Filters.eq("clientId", clientId);
        return entries.find(filter).sort(Sorts.orderBy(Sorts.ascending("occurredAt"), Sorts.ascending("_id")))
                      .map(doc -> EntryView.of(doc, cipher)).into(new ArrayList<>());
    }

    /** The entry, if it exists and belongs to this client (an entry id of another client is simply not found). */
    public Optional<EntryView> find(String clientId, String entryId) {
        return Optional.ofNullable(entries.find(Filters.and(Filters.eq("_id", entryId),
                                                            Filters.eq("clientId", clientId))).first())
                       .map(doc -> EntryView.of(doc, cipher));
    }
}
