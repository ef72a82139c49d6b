package org.rekindle.plan.app.query.dashboard;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The weekly WHO-5 on the dashboard: the percentages a row keeps, and the risk read from them as journal-events
 * publishes it ({@code WellBeingCheckedIn.lowOrDropped}; a test keeps this copy equal): the latest check-in at or
 * below 28 %, or 10 points or more below the one before, while it is at most two weeks old (the period its
 * statements ask about). Both are read as of a moment, so time travel sees the trend as it was.
 */
final class WellBeingTrend {

    /** About three months of weekly check-ins. */
    static final int KEPT = 12;
    /** The literature's screening threshold for likely depression. */
    static final int LOW_PERCENTAGE = 28;
    /** A fall of this many percentage points or more from the previous check-in (in steps of 4: 12 or more). */
    static final int NOTABLE_DROP = 10;
    /** How long a check-in speaks for the client: the two weeks its statements ask about. */
    static final java.time.Duration CURRENT_FOR = java.time.Duration.ofDays(14);

    /** One WHO-5 check-in as the row keeps it. */
    record CheckIn(int percentage, String week, Instant at) {
    }

    private WellBeingTrend() {
    }

    static void add(List<CheckIn> kept, ClientEvent event) {
        Integer percentage = event.number("percentage");
        if (percentage == null) {
            return;
        }
        kept.add(new CheckIn(percentage, event.text("week"), event.time()));
        kept.sort(Comparator.comparing(CheckIn::at));
        if (kept.size() > KEPT) {
            kept.remove(0);
        }
    }

    static List<Integer> percentages(List<CheckIn> kept, Instant now) {
        return asOf(kept, now).stream().map(CheckIn::percentage).toList();
    }

    static boolean lowOrDropped(List<CheckIn> kept, Instant now) {
        return reason(kept, now).isPresent();
    }

    /** Why the latest WHO-5 (as of {@code now}) needs the coach, in words; empty when it does not. */
    static Optional<String> reason(List<CheckIn> kept, Instant now) {
        List<CheckIn> known = asOf(kept, now);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        CheckIn last = known.get(known.size() - 1);
        if (last.at().isBefore(now.minus(CURRENT_FOR))) {
            return Optional.empty(); // older than the two weeks it asked about: the trend stays, the flag does not
        }
        Integer previous = known.size() > 1 ? known.get(known.size() - 2).percentage() : null;
        if (!lowOrDropped(previous, last.percentage())) {
            return Optional.empty();
        }
        if (last.percentage() <= LOW_PERCENTAGE) {
            return Optional.of("WHO-5 well-being " + last.percentage() + " % (at or below " + LOW_PERCENTAGE + " %) "
                               + RowAttention.ago(last.at(), now));
        }
        return Optional.of("WHO-5 well-being fell from " + previous + " % to " + last.percentage() + " % "
                           + RowAttention.ago(last.at(), now));
    }

    static boolean lowOrDropped(Integer previous, int percentage) {
        return percentage <= LOW_PERCENTAGE || previous != null && previous - percentage >= NOTABLE_DROP;
    }

    private static List<CheckIn> asOf(List<CheckIn> kept, Instant now) {
        return kept.stream().filter(c -> !c.at().isAfter(now)).toList();
    }
}
