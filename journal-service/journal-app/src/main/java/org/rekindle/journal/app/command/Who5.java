package org.rekindle.journal.app.command;

import org.rekindle.platform.command.InvalidCommandException;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Set;

/**
 * The WHO-5 Well-Being Index (WHO Collaborating Centre in Mental Health, Psychiatric Research Unit, Mental Health
 * Centre North Zealand; 1998 version, English wording): five statements about the last two weeks, each answered 0
 * ("At no time") to 5 ("All of the time"). The raw score is the sum (0-25); the percentage is raw × 4 (0-100).
 * A percentage of 28 or lower is the literature's screening threshold for likely depression (Topp et al. 2015):
 * a well-being measure, not a diagnosis. The source and the terms of use are in content-service's README.
 */
public final class Who5 {

    public static final String NAME = "WHO-5 Well-Being Index";
    public static final String FRAMING = "Please indicate for each of the five statements which is closest to how "
                                         + "you have been feeling over the last two weeks.";
    public static final List<String> ITEMS = List.of(
            "I have felt cheerful and in good spirits",
            "I have felt calm and relaxed",
            "I have felt active and vigorous",
            "I woke up feeling fresh and rested",
            "My daily life has been filled with things that interest me");
    /** The answers by value: index 0 is "At no time", 5 "All of the time". */
    public static final List<String> RESPONSES = List.of(
            "At no time", "Some of the time", "Less than half of the time", "More than half of the time",
            "Most of the time", "All of the time");
    public static final int MAX_ANSWER = 5;
    /** The literature's screening threshold for likely depression: a percentage at or below this. */
    public static final int LOW_PERCENTAGE = 28;

    private static final java.util.regex.Pattern WEEK_FORMAT = java.util.regex.Pattern.compile("\\d{4}-W\\d{2}");

    private Who5() {
    }

    /** Five answers, each 0-5; the field named in the problem is {@code items} or {@code items[i]}. */
    public static void requireAnswers(List<Integer> items) {
        if (items == null || items.size() != ITEMS.size()) {
            throw new InvalidCommandException("items", "must hold exactly " + ITEMS.size() + " answers, one per "
                                                       + "statement");
        }
        for (int i = 0; i < items.size(); i++) {
            Integer answer = items.get(i);
            if (answer == null || answer < 0 || answer > MAX_ANSWER) {
                throw new InvalidCommandException("items[" + i + "]", "must be between 0 (at no time) and 5 (all "
                                                                      + "of the time)");
            }
        }
    }

    public static int rawScore(List<Integer> items) {
        return items.stream().mapToInt(Integer::intValue).sum();
    }

    public static int percentage(int rawScore) {
        return rawScore * 4;
    }

    /** The ISO week ({@code 2026-W49}) that {@code at} falls in, in the client's zone. */
    public static String weekOf(Instant at, ZoneId zone) {
        java.time.ZonedDateTime local = at.atZone(zone);
        return String.format(java.util.Locale.ROOT, "%04d-W%02d", local.get(IsoFields.WEEK_BASED_YEAR),
                             local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /**
     * The weeks {@code at} can fall in, wherever the client lives (UTC-12 to UTC+14): the journal does not know the
     * client's zone, so it accepts the week a client names only if some zone on earth puts {@code at} in it.
     */
    static Set<String> possibleWeeks(Instant at) {
        return new java.util.TreeSet<>(List.of(weekOf(at, ZoneOffset.ofHours(-12)), weekOf(at, ZoneOffset.ofHours(14))));
    }

    static void requireWeekOf(String week, Instant at) {
        if (week == null || !WEEK_FORMAT.matcher(week).matches()) {
            throw new InvalidCommandException("week", "must be an ISO week such as 2026-W49");
        }
        if (!possibleWeeks(at).contains(week)) {
            throw new InvalidCommandException("week", "must be the week the check-in is made in (" + at + " is in "
                                                      + String.join(" or ", possibleWeeks(at)) + ")");
        }
    }
}
