package org.rekindle.content.app.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A language's current risk-language list, by {@code _id}. */
@Component
public class RiskListQueries {

    /** The list as the API shows it. */
    public record RiskListView(String language, int version, List<Phrase> phrases, String revisedBy,
                               Instant revisedAt) {
    }

    public record Phrase(String phrase, String riskClass) {
    }

    private final MongoCollection<Document> lists;

    RiskListQueries(MongoClient mongo, @Value("${rekindle.mongo.database}") String database) {
        this.lists = mongo.getDatabase(database).getCollection("content_risk_lists");
    }

    MongoCollection<Document> collection() {
        return lists;
    }

    public Optional<RiskListView> of(String language) {
        return Optional.ofNullable(lists.find(Filters.eq("_id", language)).first()).map(doc -> new RiskListView(
                doc.getString("_id"), doc.getInteger("version"),
                doc.getList("phrases", Document.class).stream()
                   .map(p -> new Phrase(p.getString("phrase"), p.getString("riskClass"))).toList(),
                doc.getString("revisedBy"), doc.getDate("revisedAt").toInstant()));
    }
}
