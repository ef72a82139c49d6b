package org.rekindle.journal.app.command;

import org.rekindle.platform.command.InvalidCommandException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Checks of single values that every journal command shares. */
public final class JournalRules {

    static final int MAX_TEXT = 20_000;
    static final int MAX_NOTE = 4_000;
    static final int MAX_ID = 100;
    static final int MAX_REASON = 200;
    static final int MAX_COACH_NOTE = 10_000;
    /** Phones and servers disagree a little about the time; more than this is a mistake. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private JournalRules() {
    }

    static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommandException(field, "must not be blank");
        }
        requireAtMost(field, value, max);
    }

    /** Ids are minted by the API, but the journal looks them up later: a missing one must never get in. */
    static void requireId(String field, String value) {
        requireText(field, value, MAX_ID);
    }

    static void requireAtMost(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidCommandException(field, "must be at most " + max + " characters");
        }
    }

    static void requireBetween(String field, double value, double min, double max) {
        if (value < min || value > max) {
            throw new InvalidCommandException(field, "must be between " + fmt(min) + " and " + fmt(max));
        }
    }

    static void requireNotInFuture(Instant occurredAt, Clock clock) {
        if (occurredAt == null) {
            throw new InvalidCommandException("occurredAt", "must be given");
        }
        if (occurredAt.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new InvalidCommandException("occurredAt", "must not be in the future");
        }
    }

    static int wholeDays(Instant from, Instant to) {
        return (int) Duration.between(from, to).toDays();
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
