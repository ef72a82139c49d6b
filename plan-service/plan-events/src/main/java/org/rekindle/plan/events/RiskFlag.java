package org.rekindle.plan.events;

/**
 * The one vocabulary of what may put a client at risk, as plan-service's coach dashboard names it in a row's
 * {@code riskFlags} (GET /api/coach/dashboard). notification-service names its coach alerts after the same risks
 * (its {@code Rule.risk()}) and the web app renders these names; each keeps its own copy, verified against this one
 * by a contract test (plan-service's own dashboard too: only its outbound adapter may use this module).
 * <p>
 * The names that were also stored elsewhere won: notification-service's rule names ({@code LOW_MOOD_THREE_IN_A_ROW},
 * {@code NO_ACTIVITY_FIVE_DAYS}) live on in MongoDB documents, idempotency keys and metric labels, while the
 * dashboard's flags are computed on each read and never stored. Before Dec 2026 the dashboard said
 * {@code LOW_MOOD_3_IN_A_ROW} and {@code NO_ACTIVITY_5_DAYS}; the web app still reads those from an older plan-service.
 */
public enum RiskFlag {
    /** Contact during a no-contact period in the last 48 hours. */
    BREACH_IN_48H,
    /** The last three mood check-ins all scored 2 or lower. */
    LOW_MOOD_THREE_IN_A_ROW,
    /**
     * The latest weekly WHO-5 well-being check-in (at most two weeks old) is at or below 28 %, or 10 percentage points
     * or more below the one before.
     */
    WELL_BEING_LOW_OR_DROPPED,
    /** Nothing recorded for 5 days (counted from the later of the last activity and the plan's assignment). */
    NO_ACTIVITY_FIVE_DAYS,
    /** A plan step still open after its due day. */
    OVERDUE_STEP
}
