package org.rekindle.platform.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.bson.Document;
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
import org.h2.mvstore.type.ObjectDataType;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

/**
 * mongo-java-server's H2 backend with two costs taken out of the hot path: documents are stored as BSON
 * ({@link BsonDocumentValues}) instead of Java-serialised, and index keys are compared without serialising them on
 * every comparison.
 * <p>
 * Index keys: its unique
 * indexes are H2 maps keyed by {@link KeyValue}, which is not {@link Comparable}, so H2's {@link ObjectDataType}
 * orders two keys by their Java-serialised bytes and serialises both for each comparison of each lookup: profiled at
 * 50 client actions and 50 breaches a second, that was 37 % of the MongoDB-wire server's CPU (12 % of the whole
 * stack's). Here a key's bytes are computed once per key object and kept for the comparisons that follow; the order,
 * and so the file's format and every index already stored, stay exactly as they were.
 */
final class CompactH2Backend extends H2Backend {

    CompactH2Backend(String file) {
        super(MVStore.open(file));
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
            return new H2Collection(this, collectionName, options, documents, meta, getCursorRegistry());
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

    /**
     * {@link ObjectDataType}'s order of two index keys, their serialised bytes compared as H2 compares them, with the
     * bytes of the last few thousand key objects kept (by identity: a key object never changes, and the same object
     * always gives the same bytes). A lookup compares one key with the keys of each page on its way down, so the key
     * looked for and the keys of pages in use are serialised once instead of on each comparison.
     */
    static final class SerialisedOnce extends ObjectDataType {

        private static final int KEPT = 4096;
        private final Map<Object, byte[]> serialised = new IdentityHashMap<>();

        @Override
        public int compare(Object a, Object b) {
            if (a != b && a instanceof KeyValue && b instanceof KeyValue) {
                return compareNotNull(bytes(a), bytes(b));
            }
            return super.compare(a, b);
        }

        private synchronized byte[] bytes(Object key) {
            byte[] bytes = serialised.get(key);
            if (bytes == null) {
                if (serialised.size() >= KEPT) {
                    serialised.clear();
                }
                bytes = serialize(key);
                serialised.put(key, bytes);
            }
            return bytes;
        }
    }
}
