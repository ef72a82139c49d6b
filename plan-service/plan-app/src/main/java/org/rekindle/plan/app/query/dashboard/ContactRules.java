package org.rekindle.plan.app.query.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * The plan's breach rules as the dashboard folds them (from {@code PlanAssigned} and {@code PlanBreachRulesChanged}).
 * A contact the client initiated always counts and restarts the attempt; one the ex initiated as the rules say.
 * A checked copy of plan-events' {@code PlanBreachRules} (the published semantics consumers use):
 * {@code BreachRulesContractTest} keeps the two agreeing on every combination.
 */
public record ContactRules(boolean replyToExCountsAsBreach, boolean exContactRestartsPeriod, Integer noContactTargetDays) {

    /** The rules from the one choice made at assignment: a reply to the ex is a breach (and restarts) or neither. */
    public static ContactRules assigned(boolean replyToExCountsAsBreach) {
        return new ContactRules(replyToExCountsAsBreach, replyToExCountsAsBreach, null);
    }

    /** From the {@code rules} object of a {@code PlanBreachRulesChanged} event's data. */
    static ContactRules of(Object rules) {
        java.util.Map<?, ?> fields = rules instanceof java.util.Map<?, ?> map ? map : java.util.Map.of();
        return new ContactRules(Boolean.TRUE.equals(fields.get("replyToExCountsAsBreach")),
                                !Boolean.FALSE.equals(fields.get("exContactRestartsPeriod")),
                                fields.get("noContactTargetDays") instanceof Number n ? n.intValue() : null);
    }

    public boolean countsAsBreach(String initiatedBy) {
        return !"EX".equals(initiatedBy) || replyToExCountsAsBreach;
    }

    public boolean restartsAttempt(String initiatedBy) {
        return !"EX".equals(initiatedBy) || exContactRestartsPeriod;
    }

    /** A change of the rules of plan {@code planId}: from {@code effectiveAt} on, made at {@code changedAt}. */
    record Change(String planId, Instant effectiveAt, Instant changedAt, ContactRules rules) {
    }

    /**
     * The rules in force at {@code at}: of the changes effective by then, the one made last (a change replaces every
     * earlier one from its effective day on); the assigned rules before any. Independent of the order the changes
     * were folded in, so a rebuild, a time-travel fold and the live row agree.
     */
    static ContactRules inForceAt(Instant at, ContactRules assigned, List<Change> changes) {
        Change latest = null;
        for (Change change : changes) {
            if (!change.effectiveAt().isAfter(at) && (latest == null || !change.changedAt().isBefore(latest.changedAt()))) {
                latest = change;
            }
        }
        return latest == null ? assigned : latest.rules();
    }
}
