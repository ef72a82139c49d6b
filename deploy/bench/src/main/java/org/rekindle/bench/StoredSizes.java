package org.rekindle.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.RawBsonDocument;

/** The stored size of a collection's documents, read as raw BSON: what a scan of it makes the store decode. */
final class StoredSizes {

    private StoredSizes() {
    }

    /** Documents and their BSON bytes in all. */
    record Size(long documents, long bytes) {

        double averageBytes() {
            return documents == 0 ? 0 : bytes / (double) documents;
        }

        @Override
        public String toString() {
            return String.format("%,d documents, %,d bytes (%,.0f each)", documents, bytes, averageBytes());
        }
    }

    static Size of(String connectionString, String database, String collection) {
        try (MongoClient client = MongoClients.create(connectionString)) {
            long documents = 0;
            long bytes = 0;
            for (RawBsonDocument document : client.getDatabase(database).getCollection(collection, RawBsonDocument.class)
                                                  .find()) {
                documents++;
                bytes += document.getByteBuffer().remaining();
            }
            return new Size(documents, bytes);
        }
    }
}
