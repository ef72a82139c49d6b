package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.rekindle.journal.app.command.TextCipher;
import org.rekindle.platform.readmodel.DocumentOrder;
import org.rekindle.platform.readmodel.OwnerIndex;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

@Component
public class EntryQueries {

    public static final int MAX_PAGE = 500;

    private final MongoCollection<Document> entries;
    private final OwnerIndex entriesByClient;

    private final TextCipher cipher;

    EntryQueries(ReadModelCollections collections, TextCipher cipher) {
        this.cipher = cipher;
        this.entries = collections.entries();
        this.entriesByClient = collections.entriesByClient();
    }

    /**
     * The client's entries, newest first, optionally only of one kind or only shared ones. Reads the client's
     * entries by id (their index) and filters them here: the cost grows with this client's journal only.
     */
    public List<EntryView> list(String clientId, EntryKind kind, Boolean shared, int limit) {
        return entriesOf(clientId, DocumentOrder.descending("occurredAt").thenComparing(DocumentOrder.ascending("_id")))
                .filter(doc -> kind == null || kind.name().equals(doc.getString("kind")))
                .filter(doc -> shared == null || shared.equals(doc.getBoolean("shared")))
                .limit(Math.min(limit, MAX_PAGE))
                .map(doc -> EntryView.of(doc, cipher)).toList();
    }

    /** Every entry of the client (only the shared ones when asked), oldest first: for an export. */
    public List<EntryView> all(String clientId, boolean sharedOnly) {
        return entriesOf(clientId, DocumentOrder.ascending("occurredAt").thenComparing(DocumentOrder.ascending("_id")))
                .filter(doc -> !sharedOnly || Boolean.TRUE.equals(doc.getBoolean("shared")))
                .map(doc -> EntryView.of(doc, cipher)).toList();
    }

    /** The entry, if it exists and belongs to this client (an entry id of another client is simply not found). */
    public Optional<EntryView> find(String clientId, String entryId) {
        return Optional.ofNullable(entries.find(Filters.eq("_id", entryId)).first())
                       .filter(doc -> clientId.equals(doc.getString("clientId")))
                       .map(doc -> EntryView.of(doc, cipher));
    }

    private Stream<Document> entriesOf(String clientId, Comparator<Document> order) {
        return entriesByClient.documentsOf(entries, clientId, order).stream()
                              .filter(doc -> clientId.equals(doc.getString("clientId")));
    }
}
