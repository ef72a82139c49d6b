package org.rekindle.plan.app.query.dashboard;

/**
 * What may put a client at risk, named as the dashboard's {@code riskFlags} say it: plan-service's copy of the
 * published {@code org.rekindle.plan.events.RiskFlag} (a contract test keeps the names equal), with the consent a
 * coach needs to see each flag.
 */
public enum RiskFlag {
    BREACH_IN_48H(ConsentScope.STREAK),
    LOW_MOOD_THREE_IN_A_ROW(ConsentScope.MOOD_TREND),
    WELL_BEING_LOW_OR_DROPPED(ConsentScope.MOOD_TREND),
    /** Needs no consent: the coach assigned the plan and may know the client has gone quiet. */
    NO_ACTIVITY_FIVE_DAYS(null),
    OVERDUE_STEP(ConsentScope.PLAN_PROGRESS);

    private final ConsentScope needs;

    RiskFlag(ConsentScope needs) {
        this.needs = needs;
    }

    /** Whether a coach with this consent may see the flag. */
    boolean seenWith(CoachConsent consent) {
        return needs == null || consent.sees(needs);
    }
}
