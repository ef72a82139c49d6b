package org.rekindle.journal.events;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a client lets their coach see besides the entries they share one by one ({@link ConsentChanged}). Consumers
 * show a coach only what the client's latest consent names; a client who never chose has {@link #DEFAULT}. A name a
 * consumer does not know (added later) grants nothing to it.
 */
public enum CoachSees {
    /** No-contact periods: days in the current attempt, longest attempt, that a breach happened and when. */
    STREAK,
    /** The plan the coach assigned: phase, steps done, skipped and overdue. */
    PLAN_PROGRESS,
    /** Mood scores (1-5) of the check-ins, the weekly WHO-5 well-being scores, and the risks read from them. */
    MOOD_TREND,
    /** Hours slept, as given with a mood check-in. */
    SLEEP,
    /** Urges to make contact, and whether each was resisted. */
    URGES,
    /** When reflections (and on which prompt) and apology drafts were written; never their text. */
    JOURNAL_ACTIVITY,
    /** How a breach happened: the channel and who initiated it. */
    CONTACT_DETAILS;

    public static final Set<CoachSees> DEFAULT = Set.copyOf(EnumSet.of(STREAK, PLAN_PROGRESS, MOOD_TREND));
}
