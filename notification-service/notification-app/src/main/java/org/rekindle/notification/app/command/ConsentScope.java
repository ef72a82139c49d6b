package org.rekindle.notification.app.command;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of information a client may let their coach see: notification-service's copy of journal-service's
 * published {@code CoachSees} (a contract test keeps names and default equal).
 */
public enum ConsentScope {
    STREAK, PLAN_PROGRESS, MOOD_TREND, SLEEP, URGES, JOURNAL_ACTIVITY, CONTACT_DETAILS;

    public static final Set<ConsentScope> DEFAULT = Set.copyOf(EnumSet.of(STREAK, PLAN_PROGRESS, MOOD_TREND));
}
