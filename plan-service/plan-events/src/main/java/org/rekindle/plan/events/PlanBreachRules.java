package org.rekindle.plan.events;

/**
 * How a plan counts contact during no contact. Contact the client initiated always counts as a breach and restarts the
 * attempt; for contact the ex initiated the coach decides both. {@code noContactTargetDays} (null: the client's own
 * no-contact period's target) is the target the coach holds the client to.
 */
public record PlanBreachRules(boolean replyToExCountsAsBreach, boolean exContactRestartsPeriod,
                              @Nullable Integer noContactTargetDays) {

    /** Who started a contact, as the journal's contact log names it: the ex ({@code EX}); anything else (the client, or null) is the client. */
    public static final String EX = "EX";

    /** The rules from the one choice made at assignment: a reply to the ex is a breach (and restarts) or neither. */
    public static PlanBreachRules assigned(boolean replyToExCountsAsBreach) {
        return new PlanBreachRules(replyToExCountsAsBreach, replyToExCountsAsBreach, null);
    }

    /**
     * Whether a contact started by {@code initiatedBy} counts as a breach under these rules. The one place this rule
     * lives: the dashboard, the journal's streak and the coach's alerts all ask here.
     */
    public boolean countsAsBreach(String initiatedBy) {
        return !EX.equals(initiatedBy) || replyToExCountsAsBreach;
    }

    /** Whether a contact started by {@code initiatedBy} restarts the no-contact attempt under these rules. */
    public boolean restartsAttempt(String initiatedBy) {
        return !EX.equals(initiatedBy) || exContactRestartsPeriod;
    }
}
