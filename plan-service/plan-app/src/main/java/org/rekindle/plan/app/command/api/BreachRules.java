package org.rekindle.plan.app.command.api;

/**
 * How a plan counts contact during no contact. A contact the client initiated always counts as a breach and restarts
 * the attempt; for a contact the ex initiated (and the client answered) the coach decides both.
 * {@code noContactTargetDays}, when set, is the target the coach holds the client to instead of the one the client's
 * no-contact period names.
 */
public record BreachRules(boolean replyToExCountsAsBreach, boolean exContactRestartsPeriod,
                          Integer noContactTargetDays) {

    /** The rules a plan starts with: the reply rule chosen at assignment, every contact restarts the attempt. */
    public static BreachRules assigned(boolean replyToExCountsAsBreach) {
        return new BreachRules(replyToExCountsAsBreach, true, null);
    }
}
