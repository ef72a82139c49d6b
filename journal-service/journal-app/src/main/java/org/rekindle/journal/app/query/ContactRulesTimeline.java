package org.rekindle.journal.app.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How the client's current plan counts contact over time, as plan-service published it: the rules at assignment and
 * every change since (each from {@code effectiveAt} on, made at {@code changedAt}). The rules are kept as the verdict
 * the plan's contract gives for each initiator ({@link Verdict}), so the journal never restates what counts.
 * A client without a plan counts every contact as a breach that restarts the attempt, as the journal always did.
 */
public record ContactRulesTimeline(String planId, Ruling assigned, List<Change> changes) {

    /** No plan known: every contact is a breach and restarts the attempt. */
    public static final ContactRulesTimeline NONE = new ContactRulesTimeline(null, Ruling.EVERY_CONTACT, List.of());

    /** What one contact is under some rules: a breach or not; restarts the attempt or not. */
    public record Verdict(boolean breach, boolean restarts) {
        static final Verdict BREACH = new Verdict(true, true);
    }

    /** The verdict for each initiator ({@code InitiatedBy} name) and the coach's target (null: the period's own). */
    public record Ruling(Map<String, Verdict> byInitiator, Integer noContactTargetDays) {
        static final Ruling EVERY_CONTACT = new Ruling(Map.of(), null);

        Verdict verdict(String initiatedBy) {
            Verdict verdict = initiatedBy == null ? null : byInitiator.get(initiatedBy);
            return verdict == null ? Verdict.BREACH : verdict;
        }
    }

    /** A change of plan {@code planId}'s rules from {@code effectiveAt} on, made at {@code changedAt}. */
    public record Change(String eventId, String planId, Instant effectiveAt, Instant changedAt, Ruling ruling) {
    }

    /**
     * The rules in force at {@code at}: of the current plan's changes effective by then, the one made last (a change
     * replaces every earlier one from its effective day on); the assigned rules before any. Independent of the order
     * the changes arrived in, so a redelivery or a late change gives the same answer.
     */
    Ruling inForceAt(Instant at) {
        Change latest = null;
        for (Change change : changes) {
            if (change.planId().equals(planId) && !change.effectiveAt().isAfter(at)
                && (latest == null || !change.changedAt().isBefore(latest.changedAt()))) {
                latest = change;
            }
        }
        return latest == null ? assigned : latest.ruling();
    }

    Verdict verdictAt(Instant at, String initiatedBy) {
        return inForceAt(at).verdict(initiatedBy);
    }
}
