package org.rekindle.notification.app.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.rekindle.notification.app.rules.ProposedRule;
import org.rekindle.notification.app.rules.SavedRule;
import org.rekindle.platform.readmodel.ExactKeyMatch;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The rules each coach saved, one document per coach ({@code _id} = coach id, a version, the rules): read by
 * {@code _id} on every event of one of their clients, changed with an optimistic version (a coach saving in two tabs
 * at once loses nothing). At most {@value #KEPT} rules a coach.
 */
@Component
public class SavedRuleStore {

    public static final int KEPT = 20;
    private static final int MAX_CONFLICTS = 20;

    /** Saving would exceed {@value #KEPT} rules. */
    public static class TooManyRules extends RuntimeException {
        TooManyRules() {
            super("at most " + KEPT + " saved rules; delete one first");
        }
    }

    private final MongoCollection<Document> rules;
    private final ExactKeyMatch atVersion;

    SavedRuleStore(NotificationCollections collections) {
        this.rules = collections.savedRules();
        this.atVersion = ExactKeyMatch.on(rules, "version");
    }

    public List<SavedRule> of(String coachId) {
        return coachId == null ? List.of() : rulesIn(rules.find(Filters.eq("_id", coachId)).first());
    }

    /** Saves the rule unless the coach has it already (same parameters); returns the one stored. */
    public SavedRule save(String coachId, SavedRule rule) {
        change(coachId, saved -> {
            if (saved.stream().noneMatch(r -> r.id().equals(rule.id()))) {
                if (saved.size() >= KEPT) {
                    throw new TooManyRules();
                }
                saved.add(rule);
            }
            return saved;
        });
        return of(coachId).stream().filter(r -> r.id().equals(rule.id())).findFirst().orElseThrow();
    }

    /** Deletes the coach's rule; false if they have none with that id. */
    public boolean delete(String coachId, String ruleId) {
        Optional<SavedRule> found = of(coachId).stream().filter(r -> r.id().equals(ruleId)).findFirst();
        found.ifPresent(rule -> change(coachId, saved -> {
            saved.removeIf(r -> r.id().equals(ruleId));
            return saved;
        }));
        return found.isPresent();
    }

    private void change(String coachId, UnaryOperator<List<SavedRule>> change) {
        for (int attempt = 0; attempt < MAX_CONFLICTS; attempt++) {
            Document doc = rules.find(Filters.eq("_id", coachId)).first();
            long version = doc == null ? 0 : doc.getLong("version");
            List<SavedRule> changed = change.apply(new ArrayList<>(rulesIn(doc)));
            Document next = new Document("_id", coachId).append("version", version + 1)
                    .append("rules", changed.stream().map(SavedRuleStore::document).toList());
            if (doc == null ? insert(next) : rules.replaceOne(atVersion.filter(coachId, version), next)
                                                   .getModifiedCount() == 1) {
                return;
            }
        }
        throw new IllegalStateException("saved rules kept changing under " + MAX_CONFLICTS + " attempts");
    }

    private boolean insert(Document doc) {
        try {
            rules.insertOne(doc);
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private static List<SavedRule> rulesIn(Document doc) {
        return doc == null ? List.of() : doc.getList("rules", Document.class, List.of()).stream()
                                            .map(SavedRuleStore::rule).toList();
    }

    private static Document document(SavedRule saved) {
        Document doc = new Document("id", saved.id()).append("savedAt", Date.from(saved.savedAt()));
        if (saved.rule() instanceof ProposedRule.MoodAtOrBelow mood) {
            return doc.append("kind", "MOOD_AT_OR_BELOW").append("score", mood.score())
                      .append("occurrences", mood.occurrences()).append("withinHours", mood.within().toHours());
        }
        return doc.append("kind", "BREACH").append("initiatedBy", ((ProposedRule.Breach) saved.rule()).initiatedBy());
    }

    private static SavedRule rule(Document doc) {
        ProposedRule rule = "BREACH".equals(doc.getString("kind"))
                            ? new ProposedRule.Breach(doc.getString("initiatedBy"))
                            : new ProposedRule.MoodAtOrBelow(doc.getInteger("score"), doc.getInteger("occurrences"),
                                                             Duration.ofHours(doc.getLong("withinHours")));
        return new SavedRule(doc.getString("id"), rule, doc.getDate("savedAt").toInstant());
    }
}
