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
}
