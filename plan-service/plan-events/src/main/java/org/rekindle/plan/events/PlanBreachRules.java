package org.rekindle.plan.events;

/**
 * How a plan counts contact during no contact. Contact the client initiated always counts as a breach and restarts the
 * attempt; for contact the ex initiated the coach decides both. {@code noContactTargetDays} (null: the client's own
 * no-contact period's target) is the target the coach holds the client to.
 */
public record PlanBreachRules(boolean replyToExCountsAsBreach, boolean exContactRestartsPeriod,
                              @Nullable Integer noContactTargetDays) {
}
