package org.rekindle.plan.app.query;

import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan's breach rules as the coach and the client read them: those in force now (the last change made, or the
 * assigned ones) and every change with its effective day and reason (the audit trail of the rules).
 */
public record BreachRulesView(Rules inForce, Rules assigned, List<Change> changes) {

    public record Rules(boolean replyToExCountsAsBreach, boolean exContactRestartsPeriod, Integer noContactTargetDays) {
    }

    public record Change(Rules rules, LocalDate effectiveFrom, boolean retroactive, String changeReason, String changedBy,
                         Instant changedAt) {
    }

    static BreachRulesView of(boolean replyToExCountsAsBreach, List<Document> stored) {
        Rules assigned = new Rules(replyToExCountsAsBreach, replyToExCountsAsBreach, null);
        List<Change> changes = stored.stream().map(doc -> new Change(
                new Rules(doc.getBoolean("replyToExCountsAsBreach", false), doc.getBoolean("exContactRestartsPeriod", true),
                          doc.getInteger("noContactTargetDays")),
                LocalDate.parse(doc.getString("effectiveFrom")), doc.getBoolean("retroactive", false),
                doc.getString("reason"), doc.getString("changedBy"), doc.getDate("changedAt").toInstant())).toList();
        // A change applies from its day up to today (a day after today is refused), so the last made is in force now.
        return new BreachRulesView(changes.isEmpty() ? assigned : changes.get(changes.size() - 1).rules(), assigned,
                                   changes);
    }
}
