package org.rekindle.journal.app.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each client's {@link ContactRulesTimeline}, learnt from plan-service's {@code PlanAssigned} and
 * {@code PlanBreachRulesChanged}: collection {@code journal_contact_rules}, one document per client ({@code _id} =
 * client id), read by {@code _id}. A later assignment replaces the plan (its changes are kept but no longer apply); an
 * older one arriving late changes nothing; a change is kept once per event id, so redelivery changes nothing. The
 * streak is folded from the journal's facts under these rules when read, so a change (retroactive or not) recounts it.
 */
@Component
public class ContactRulesHistory {

    private final MongoCollection<Document> rules;

    ContactRulesHistory(MongoClient mongo, @Value("${rekindle.mongo.database}") String database) {
        this.rules = mongo.getDatabase(database).getCollection("journal_contact_rules");
    }

    public void assigned(String clientId, String planId, Instant assignedAt, ContactRulesTimeline.Ruling ruling) {
        Document current = rules.find(Filters.eq("_id", clientId)).first();
        if (current != null && current.getDate("assignedAt").toInstant().isAfter(assignedAt)) {
            return;
        }
        Document next = current == null ? new Document("_id", clientId).append("changes", List.of()) : current;
        next.append("planId", planId).append("assignedAt", Date.from(assignedAt)).append("assigned", toDocument(ruling));
        rules.replaceOne(Filters.eq("_id", clientId), next, new ReplaceOptions().upsert(true));
    }

    public void changed(String clientId, ContactRulesTimeline.Change change) {
        Document current = rules.find(Filters.eq("_id", clientId)).first();
        Document next = current == null ? new Document("_id", clientId) : current;
        List<Document> changes = new ArrayList<>(next.getList("changes", Document.class, List.of()));
        if (changes.stream().anyMatch(c -> change.eventId().equals(c.getString("eventId")))) {
            return;
        }
        changes.add(new Document("eventId", change.eventId()).append("planId", change.planId())
                            .append("effectiveAt", Date.from(change.effectiveAt()))
                            .append("changedAt", Date.from(change.changedAt()))
                            .append("ruling", toDocument(change.ruling())));
        rules.replaceOne(Filters.eq("_id", clientId), next.append("changes", changes), new ReplaceOptions().upsert(true));
    }

    public ContactRulesTimeline of(String clientId) {
        Document doc = rules.find(Filters.eq("_id", clientId)).first();
        if (doc == null || doc.getString("planId") == null) {
            return ContactRulesTimeline.NONE;
        }
        List<ContactRulesTimeline.Change> changes = new ArrayList<>();
        for (Document c : doc.getList("changes", Document.class, List.of())) {
            changes.add(new ContactRulesTimeline.Change(c.getString("eventId"), c.getString("planId"),
                                                        c.getDate("effectiveAt").toInstant(),
                                                        c.getDate("changedAt").toInstant(),
                                                        ruling(c.get("ruling", Document.class))));
        }
        return new ContactRulesTimeline(doc.getString("planId"), ruling(doc.get("assigned", Document.class)), changes);
    }

    private static Document toDocument(ContactRulesTimeline.Ruling ruling) {
        Document verdicts = new Document();
        ruling.byInitiator().forEach((initiator, verdict) -> verdicts.append(
                initiator, new Document("breach", verdict.breach()).append("restarts", verdict.restarts())));
        return new Document("byInitiator", verdicts).append("noContactTargetDays", ruling.noContactTargetDays());
    }

    private static ContactRulesTimeline.Ruling ruling(Document doc) {
        Map<String, ContactRulesTimeline.Verdict> verdicts = new LinkedHashMap<>();
        Document byInitiator = doc.get("byInitiator", Document.class);
        byInitiator.forEach((initiator, value) -> {
            Document verdict = (Document) value;
            verdicts.put(initiator, new ContactRulesTimeline.Verdict(verdict.getBoolean("breach"),
                                                                     verdict.getBoolean("restarts")));
        });
        return new ContactRulesTimeline.Ruling(verdicts, doc.getInteger("noContactTargetDays"));
    }
}
