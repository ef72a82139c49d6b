package org.rekindle.platform.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;
import java.util.Map.Entry;
import java.util.stream.Stream;

/**
 * mongo-java-server's H2 backend with three costs taken out of the hot path: documents are stored as BSON
 * ({@link BsonDocumentValues}) instead of Java-serialised, index keys keep their serialised bytes instead of being
 * serialised for every comparison and page write ({@link SerialisedOnce}), and collections do not keep their data
 * size ({@link UntrackedSizeCollection}); and queries hand out copies of documents, so that an update never changes
 * a document H2's background writer may be encoding ({@link UntrackedSizeCollection}).
 * <p>
 * Index keys: its unique
 * indexes are H2 maps keyed by {@link KeyValue}, which is not {@link Comparable}, so H2's {@code ObjectDataType}
 * orders two keys by their Java-serialised bytes and serialises both for each comparison of each lookup: profiled at
 * 50 client actions and 50 breaches a second, that was 37 % of the MongoDB-wire server's CPU (12 % of the whole
 * stack's). {@link SerialisedOnce} computes a key's bytes once per key object and keeps them for the comparisons and
 * page writes that follow; the order, and so the file's format and every index already stored, stay exactly as they were.
 */
final class CompactH2Backend extends H2Backend {

    /**
     * H2's defaults are a 16 MB page cache and a background rewrite of chunks whenever less than 90 % of the file is
     * live. Profiled while 1,000,000 journal events were taken in and just after: reading pages that had fallen out of
     * the cache was a quarter of the server's time on commands, and the background rewrite 12 % of all CPU. A larger
     * cache and rewriting at half live trade some memory and disk for both.
     */
    static final int CACHE_MB = 64;
    static final int REWRITE_BELOW_LIVE_PERCENT = 50;

    CompactH2Backend(String file) {
        super(new MVStore.Builder().fileName(file).cacheSize(CACHE_MB).autoCompactFillRate(REWRITE_BELOW_LIVE_PERCENT)
                                   .open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** An inner class: its constructor opens the stored indexes, before a field of its own would be set. */
    private final class Database extends H2Database {

        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = getMvStore().openMap("databases." + namespace, // H2Database's names
                    new MVMap.Builder<Object, Document>().valueType(new BsonDocumentValues()));
            MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
            return new UntrackedSizeCollection(this, collectionName, options, documents, meta, getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVMap<KeyValue, Object> map = getMvStore().openMap(
                    getFullCollectionNamespace(collectionName) + "._index_" + indexName, // H2Database's own name
                    new MVMap.Builder<KeyValue, Object>().keyType(new SerialisedOnce()));
            return new UniqueIndex(map, indexName, keys, sparse);
        }
    }

    /**
     * A collection that does not keep its data size (collStats' {@code size}): keeping it BSON-encodes the document
     * twice on every update (before and after) and once on every insert and delete, and writes the total to the meta
     * map. Profiled at 50 client actions and 50 breaches a second, that encoding was 21 % of the MongoDB-wire server's
     * CPU; nothing in Rekindle reads the size, and {@code size} stays at what it was when a collection stopped tracking.
     * <p>
     * It also hands out copies of its documents, never the ones in the map. Why: an update changes the document a
     * query found in place, field by field, before it puts it back ({@code AbstractMongoCollection#updateDocument}),
     * and the document a query finds is the very object in H2's page, which H2's background writer may be encoding at
     * that moment (H2 takes a value put into a map as unchanging). Seen on 7 Dec 2026, rebuilding the dashboard from
     * 1,000,000 events: a {@code ConcurrentModificationException} in the writer, after which H2 closes the store and
     * every command fails ("This store is closed"); an update that changes only existing fields could have been written
     * half done without any exception. A reply being encoded while an update changes its document raced the same way.
     */
    private static final class UntrackedSizeCollection extends H2Collection {

        UntrackedSizeCollection(Database database, String name, CollectionOptions options,
                                MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, documents, meta, cursors);
        }

        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        @Override
        protected Document getDocument(Object position) {
            Document stored = super.getDocument(position);
            return stored == null ? null : stored.cloneDeeply();
        }

        /** As H2Collection's scan, copying only the documents that match. */
        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            Stream<DocumentWithPosition<Object>> stored = streamAllDocumentsWithPosition();
            if (isNaturalDescending(orderBy)) {
                stored = stored.sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()));
            }
            Stream<Document> copies = stored.map(DocumentWithPosition::getDocument)
                                            .filter(document -> documentMatchesQuery(document, query))
                                            .map(Document::cloneDeeply);
            return matchDocumentsFromStream(copies, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
    }

    /** H2UniqueIndex over a map of our choosing (its constructor is not public). */
    private static final class UniqueIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        UniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            return map.remove(key);
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue key) {
            return map.get(key);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }
}
