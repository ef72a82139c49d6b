package org.rekindle.content.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.rekindle.content.app.command.api.RiskListRevised;
import org.springframework.stereotype.Component;

import java.util.Date;

/**
 * The current risk-language list of each language, {@code content_risk_lists} ({@code _id} = language): the newest
 * version only (an older one arriving again changes nothing); the history is the event store's.
 */
@Component
@ProcessingGroup(ContentReadModel.PROCESSING_GROUP)
class RiskListProjection {

    private final MongoCollection<Document> lists;

    RiskListProjection(RiskListQueries queries) {
        this.lists = queries.collection();
    }

    @EventHandler
    void on(RiskListRevised event) {
        Document current = lists.find(Filters.eq("_id", event.language())).first();
        if (current != null && current.getInteger("version") >= event.version()) {
            return;
        }
        lists.replaceOne(Filters.eq("_id", event.language()), new Document("_id", event.language())
                .append("version", event.version()).append("revisedBy", event.revisedBy())
                .append("revisedAt", Date.from(event.revisedAt()))
                .append("phrases", event.phrases().stream().map(p -> new Document("phrase", p.phrase())
                        .append("riskClass", p.riskClass())).toList()), new ReplaceOptions().upsert(true));
    }

    @ResetHandler
    void onReset() {
        lists.deleteMany(new Document());
    }
}
