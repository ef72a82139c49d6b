package org.rekindle.journal.events;

import java.time.Instant;
import java.util.List;

/**
 * The client answered the weekly WHO-5 Well-Being Index: {@code items} are the five answers in the scale's order,
 * each 0 ("At no time") to 5 ("All of the time"); {@code rawScore} their sum (0-25); {@code percentage} raw × 4
 * (0-100, in steps of 4); {@code week} the ISO week in the client's zone it counts for ({@code 2026-W49}, one per
 * week). A percentage of 28 or lower is the screening threshold for likely depression: a well-being measure, not a
 * diagnosis. Who may see it: consent {@link CoachSees#MOOD_TREND}, like mood check-ins.
 * <p>Type {@value #TYPE} on topic {@value JournalTopic#NAME}, keyed by client id.
 */
public record WellBeingCheckedIn(String clientId, String checkInId, List<Integer> items, int rawScore, int percentage,
                                 String week, Instant occurredAt) {

    public static final String TYPE = "rekindle.journal.WellBeingCheckedIn.v1";
    /** The literature's screening threshold for likely depression: a percentage at or below it is low. */
    public static final int LOW_PERCENTAGE = 28;
    /**
     * A fall of this many percentage points or more from the previous check-in is a notable drop. Percentages move
     * in steps of 4, so in practice it is a fall of 12 or more (3 raw points).
     */
    public static final int NOTABLE_DROP = 10;

    /**
     * What every consumer reads from a check-in the same way: low (at or below {@link #LOW_PERCENTAGE} %), or
     * dropped by {@link #NOTABLE_DROP} points or more since the previous one ({@code previous} null: none before).
     */
    public static boolean lowOrDropped(Integer previous, int percentage) {
        return percentage <= LOW_PERCENTAGE || previous != null && previous - percentage >= NOTABLE_DROP;
    }
}
