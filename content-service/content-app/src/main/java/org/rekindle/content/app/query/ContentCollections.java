package org.rekindle.content.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/** The content read models; each can be dropped and rebuilt from the event store. */
public record ContentCollections(MongoCollection<Document> programs, MongoCollection<Document> versions,
                                 MongoCollection<Document> search) {

    public ContentCollections(MongoDatabase database) {
        this(database.getCollection("content_programs"), database.getCollection("content_program_versions"),
             database.getCollection("content_search"));
    }
}
