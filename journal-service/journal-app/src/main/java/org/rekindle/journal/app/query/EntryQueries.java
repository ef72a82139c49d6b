package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.rekindle.journal.app.command.TextCipher;
import org.rekindle.platform.readmodel.DocumentOrder;
import org.rekindle.platform.readmodel.MonthlyOwnerIndex;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

@Component
public class EntryQueries {

    public static final int MAX_PAGE = 500;

    private final MongoCollection<Document> entries;
    private final MonthlyOwnerIndex entriesByMonth;

    private final TextCipher cipher;

    EntryQueries(ReadModelCollections collections, TextCipher cipher) {
        this.cipher = cipher;
        this.entries = collections.entries();
        this.entriesByMonth = collections.entriesByMonth();
    }

    /**
     * The client's entries, newest first, optionally only of one kind or only shared ones: read a month at a time
     * from the newest through the list that holds them ({@link EntryLists}) until the page is full, so the cost grows
     * with the page, not with the client's journal.
     */
    public List<EntryView> list(String clientId, EntryKind kind, Boolean shared, int limit) {
        String list = Boolean.TRUE.equals(shared) ? EntryLists.shared(clientId)
                : kind != null ? EntryLists.ofKind(clientId, kind) : EntryLists.all(clientId);
        Predicate<Document> wanted = doc -> clientId.equals(doc.getString("clientId"))
                                            && (kind == null || kind.name().equals(doc.getString("kind")))
                                            && (shared == null || shared.equals(doc.getBoolean("shared")));
        return entriesByMonth.newestFirst(entries, list, doc -> doc.getDate("occurredAt"),
                                          DocumentOrder.newestFirst("occurredAt"), wanted,
                                          Math.min(limit, MAX_PAGE))
                             .stream().map(doc -> EntryView.of(doc, cipher)).toList();
    }

    /** Every entry of the client (only the shared ones when asked), oldest first: for an export. */
    public List<EntryView> all(String clientId, boolean sharedOnly) {
        String list = sharedOnly ? EntryLists.shared(clientId) : EntryLists.all(clientId);
        return entriesByMonth.all(entries, list).stream()
                             .filter(doc -> clientId.equals(doc.getString("clientId")))
                             .filter(doc -> !sharedOnly || Boolean.TRUE.equals(doc.getBoolean("shared")))
                             .sorted(DocumentOrder.oldestFirst("occurredAt"))
                             .map(doc -> EntryView.of(doc, cipher)).toList();
    }

    /** The entry, if it exists and belongs to this client (an entry id of another client is simply not found). */
    public Optional<EntryView> find(String clientId, String entryId) {
        return Optional.ofNullable(entries.find(Filters.eq("_id", entryId)).first())
                       .filter(doc -> clientId.equals(doc.getString("clientId")))
                       .map(doc -> EntryView.of(doc, cipher));
    }

}
