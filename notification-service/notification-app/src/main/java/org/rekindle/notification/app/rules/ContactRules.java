package org.rekindle.notification.app.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the client's plan counts contact over time, as plan-service published it ({@code PlanAssigned}'s rules and every
 * {@code PlanBreachRulesChanged}): for each initiator ({@code CLIENT}, {@code EX}) whether a contact is a breach and
 * whether it restarts the attempt, the verdict plan-events' {@code PlanBreachRules} gives (asked in messaging/in, so
 * this service never restates the rules). A change applies from {@code effectiveAt}; of several in force, the one made
 * last. Without a plan (null in {@link ClientFacts}) or for an initiator not named, every contact is a breach that
 * restarts, as before the rules could change.
 */
public record ContactRules(String planId, Map<String, Verdict> assigned, List<Change> changes) {

    static final int CHANGES_KEPT = 100;

    public record Verdict(boolean breach, boolean restarts) {
        static final Verdict BREACH = new Verdict(true, true);
    }

    /** A change of plan {@code planId}'s verdicts from {@code effectiveAt} on, made at {@code changedAt}. */
    public record Change(String eventId, String planId, Instant effectiveAt, Instant changedAt,
                         Map<String, Verdict> verdicts) {
    }

    /** The rules a newly assigned plan starts with; a change of the same plan that arrived first is kept. */
    static ContactRules assigned(ContactRules before, String planId, Map<String, Verdict> assigned) {
        return new ContactRules(planId, Map.copyOf(assigned), before == null ? List.of() : before.changes());
    }

    ContactRules with(Change change) {
        if (changes.stream().anyMatch(c -> c.eventId().equals(change.eventId()))) {
            return this;
        }
        List<Change> next = new ArrayList<>(changes);
        next.add(change);
        return new ContactRules(planId, assigned, next.size() > CHANGES_KEPT
                ? List.copyOf(next.subList(next.size() - CHANGES_KEPT, next.size())) : List.copyOf(next));
    }

    /** What a contact started by {@code initiatedBy} at {@code at} is under the rules in force then. */
    static Verdict verdict(ContactRules rules, Instant at, String initiatedBy) {
        if (rules == null) {
            return Verdict.BREACH;
        }
        Map<String, Verdict> inForce = rules.assigned();
        Change latest = null;
        for (Change change : rules.changes()) {
            if (change.planId().equals(rules.planId()) && !change.effectiveAt().isAfter(at)
                && (latest == null || !change.changedAt().isBefore(latest.changedAt()))) {
                latest = change;
            }
        }
        if (latest != null) {
            inForce = latest.verdicts();
        }
        Verdict verdict = initiatedBy == null ? null : inForce.get(initiatedBy);
        return verdict == null ? Verdict.BREACH : verdict;
    }
}
