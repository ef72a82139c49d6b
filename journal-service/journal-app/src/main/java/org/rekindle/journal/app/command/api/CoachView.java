package org.rekindle.journal.app.command.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a client lets their coach see besides shared entries; the journal's own copy of the published
 * {@code CoachSees} (a test keeps the names equal). Default until the client chooses: streak, plan progress, mood
 * trend.
 */
public enum CoachView {
    STREAK, PLAN_PROGRESS, MOOD_TREND, SLEEP, URGES, JOURNAL_ACTIVITY, CONTACT_DETAILS;

    public static final Set<CoachView> DEFAULT = Set.copyOf(EnumSet.of(STREAK, PLAN_PROGRESS, MOOD_TREND));
}
