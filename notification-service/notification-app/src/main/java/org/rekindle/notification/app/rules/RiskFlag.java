package org.rekindle.notification.app.rules;

/**
 * What may put a client at risk: notification-service's copy of plan-service's published
 * {@code org.rekindle.plan.events.RiskFlag}, the names the coach dashboard flags a row with (a contract test keeps
 * them equal). Each coach alert that reports one of these risks names it ({@link Rule#risk()}).
 */
public enum RiskFlag {
    BREACH_IN_48H, LOW_MOOD_THREE_IN_A_ROW, WELL_BEING_LOW_OR_DROPPED, NO_ACTIVITY_FIVE_DAYS, OVERDUE_STEP
}
