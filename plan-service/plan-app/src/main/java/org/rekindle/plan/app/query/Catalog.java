package org.rekindle.plan.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.rekindle.plan.app.command.api.TemplateStep;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static org.rekindle.platform.readmodel.IdempotentWrites.insertOnce;

/**
 * The program versions plan-service can assign, kept from {@code rekindle.content.v1}. A version is immutable, so
 * storing it is an insert keyed by program and version: redelivery changes nothing.
 */
@Component
public class Catalog {

    private final MongoCollection<Document> catalog;

    Catalog(PlanCollections collections) {
        this.catalog = collections.catalog();
    }

    public void store(CatalogVersion version) {
        insertOnce(catalog, new Document("_id", version.programId() + "@" + version.version())
                .append("programId", version.programId()).append("version", version.version())
                .append("title", version.title()).append("retired", false)
                .append("steps", version.steps().stream().map(s -> new Document("stepId", s.stepId())
                        .append("phaseId", s.phaseId()).append("kind", s.kind()).append("title", s.title())
                        .append("dayOffset", s.dayOffset()).append("promptId", s.promptId())
                        .append("targetDays", s.targetDays()).append("checkIns", s.checkIns())).toList()));
    }

    public void retire(String programId) {
        catalog.updateMany(Filters.eq("programId", programId), Updates.set("retired", true));
    }

    public Optional<CatalogVersion> version(String programId, int version) {
        return Optional.ofNullable(catalog.find(Filters.eq("_id", programId + "@" + version)).first())
                       .map(doc -> new CatalogVersion(doc.getString("programId"), doc.getInteger("version"),
                               doc.getString("title"), doc.getList("steps", Document.class).stream()
                               .map(s -> new TemplateStep(s.getString("stepId"), s.getString("phaseId"),
                                       s.getString("kind"), s.getString("title"), s.getInteger("dayOffset"),
                                       s.getString("promptId"), s.getInteger("targetDays"), s.getInteger("checkIns")))
                               .toList(), doc.getBoolean("retired", false)));
    }
}
