package org.rekindle.plan.app.query.dashboard;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of information a client may let their coach see: plan-service's copy of journal-service's published
 * {@code CoachSees} (a contract test keeps names and default equal), so the dashboard reads no contract type.
 */
public enum ConsentScope {
    STREAK, PLAN_PROGRESS, MOOD_TREND, SLEEP, URGES, JOURNAL_ACTIVITY, CONTACT_DETAILS;

    public static final Set<ConsentScope> DEFAULT = Set.copyOf(EnumSet.of(STREAK, PLAN_PROGRESS, MOOD_TREND));
}
