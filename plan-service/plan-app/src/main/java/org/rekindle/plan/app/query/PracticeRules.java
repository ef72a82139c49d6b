package org.rekindle.plan.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.rekindle.plan.app.command.api.BreachRules;
import org.rekindle.plan.app.command.api.PracticeBreachRulesSet;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Each practice's default breach rules, the version in force and every version before (collection
 * {@code plan_practice_rules}, one document per practice, {@code _id} = practice id, read by {@code _id}). A version
 * already stored (redelivery, replay) changes nothing.
 */
@Component
@ProcessingGroup(PlanReadModel.PROCESSING_GROUP)
public class PracticeRules {

    private final MongoCollection<Document> practices;

    PracticeRules(PlanCollections collections) {
        this.practices = collections.practiceRules();
    }

    /** The practice's default rules: the version in force and every version, oldest first. */
    public record View(String practiceId, int version, BreachRulesView.Rules rules, List<Version> versions) {

        public BreachRules breachRules() {
            return new BreachRules(rules.replyToExCountsAsBreach(), rules.exContactRestartsPeriod(),
                                   rules.noContactTargetDays());
        }
    }

    public record Version(int version, BreachRulesView.Rules rules, String reason, String setBy, Instant setAt) {
    }

    @EventHandler
    void on(PracticeBreachRulesSet event) {
        Document current = practices.find(Filters.eq("_id", event.practiceId())).first();
        List<Document> versions = current == null ? new ArrayList<>()
                : new ArrayList<>(current.getList("versions", Document.class, List.of()));
        if (versions.stream().anyMatch(v -> v.getInteger("version") >= event.version())) {
            return;
        }
        BreachRules rules = event.rules();
        versions.add(new Document("version", event.version())
                             .append("replyToExCountsAsBreach", rules.replyToExCountsAsBreach())
                             .append("exContactRestartsPeriod", rules.exContactRestartsPeriod())
                             .append("noContactTargetDays", rules.noContactTargetDays())
                             .append("reason", event.reason()).append("setBy", event.setBy())
                             .append("setAt", Date.from(event.setAt())));
        practices.replaceOne(Filters.eq("_id", event.practiceId()),
                             new Document("_id", event.practiceId()).append("versions", versions),
                             new ReplaceOptions().upsert(true));
    }

    @ResetHandler
    void onReset() {
        practices.deleteMany(new Document());
    }

    public Optional<View> of(String practiceId) {
        return Optional.ofNullable(practiceId == null ? null : practices.find(Filters.eq("_id", practiceId)).first())
                       .map(doc -> {
                           List<Version> versions = doc.getList("versions", Document.class, List.of()).stream()
                                   .map(v -> new Version(v.getInteger("version"), new BreachRulesView.Rules(
                                           v.getBoolean("replyToExCountsAsBreach"), v.getBoolean("exContactRestartsPeriod"),
                                           v.getInteger("noContactTargetDays")), v.getString("reason"),
                                                         v.getString("setBy"), v.getDate("setAt").toInstant()))
                                   .toList();
                           Version last = versions.get(versions.size() - 1);
                           return new View(practiceId, last.version(), last.rules(), versions);
                       });
    }
}
