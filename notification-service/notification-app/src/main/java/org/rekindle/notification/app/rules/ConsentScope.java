package org.rekindle.notification.app.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of information a client may let their coach see: notification-service's copy of journal-service's
 * published {@code CoachSees} (a contract test keeps names and default equal).
 */
public enum ConsentScope {
    STREAK, PLAN_PROGRESS, MOOD_TREND, SLEEP, URGES, JOURNAL_ACTIVITY, CONTACT_DETAILS;

    public static final Set<ConsentScope> DEFAULT = Set.copyOf(EnumSet.of(STREAK, PLAN_PROGRESS, MOOD_TREND));

    /** Whether the client's choice (names; null until they choose, meaning the default) lets the coach see this. */
    public static boolean allows(List<String> chosen, ConsentScope scope) {
        return chosen == null ? DEFAULT.contains(scope) : chosen.contains(scope.name());
    }

    /** Whether the client's choice (as for {@link #allows}) lets the coach see every one of these. */
    public static boolean allowsAll(List<String> chosen, Set<ConsentScope> needed) {
        return needed.stream().allMatch(scope -> allows(chosen, scope));
    }

    /** What a coach must be allowed to learn that the client did this, by the event's simple name. */
    private static final Map<String, ConsentScope> TO_SEE = Map.of(
            "MoodCheckedIn", MOOD_TREND, "WellBeingCheckedIn", MOOD_TREND, "UrgeRecorded", URGES, "ReflectionCompleted", JOURNAL_ACTIVITY,
            "ApologyDrafted", JOURNAL_ACTIVITY, "ApologyRevised", JOURNAL_ACTIVITY, "NoContactStarted", STREAK,
            "NoContactBroken", STREAK, "NoContactEnded", STREAK);

    /**
     * The consent a coach needs to learn that the client did what this CloudEvents type ({@code rekindle.journal.
     * MoodCheckedIn.v1}) says; empty for what is the coach's anyway (a shared entry, the plan's own events).
     */
    public static Optional<ConsentScope> neededToSee(String eventType) {
        String[] parts = eventType == null ? new String[0] : eventType.split("\\.");
        return parts.length < 3 ? Optional.empty() : Optional.ofNullable(TO_SEE.get(parts[2]));
    }
}
