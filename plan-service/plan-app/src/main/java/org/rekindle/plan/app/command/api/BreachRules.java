package org.rekindle.plan.app.command.api;

/**
 * How a plan counts contact during no contact. A contact the client initiated always counts as a breach and restarts
 * the attempt; for a contact the ex initiated (and the client answered) the coach decides both.
 * {@code noContactTargetDays}, when set, is the target the coach holds the client to instead of the one the client's
 * no-contact period names.
 */
public record BreachRules(boolean replyToExCountsAsBreach, boolean exContactRestartsPeriod,
                          Integer noContactTargetDays) {

    /**
     * The rules a plan starts with, from the one choice made at assignment: a reply to the ex either is a breach
     * (counted, and the attempt starts again) or is not (neither).
     */
    public static BreachRules assigned(boolean replyToExCountsAsBreach) {
        return new BreachRules(replyToExCountsAsBreach, replyToExCountsAsBreach, null);
    }

    /** Whether a contact started by {@code initiatedBy} (CLIENT or EX; anything else is the client) restarts the attempt. */
    public boolean restartsAttempt(String initiatedBy) {
        return !"EX".equals(initiatedBy) || exContactRestartsPeriod;
    }

    /** The target the plan's no-contact step holds the client to: the coach's when set, else the step's own. */
    public Integer targetDays(Integer stepTargetDays) {
        return noContactTargetDays != null ? noContactTargetDays : stepTargetDays;
    }
}
