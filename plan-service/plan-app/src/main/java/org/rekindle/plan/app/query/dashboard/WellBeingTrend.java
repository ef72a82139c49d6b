package org.rekindle.plan.app.query.dashboard;

import org.rekindle.journal.events.WellBeingCheckedIn;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The weekly WHO-5 on the dashboard: the percentages a row keeps, and the risk read from them as journal-events
 * defines it ({@link WellBeingCheckedIn#lowOrDropped}): the latest check-in at or below 28 %, or 10 points or more
 * below the one before. Both are read as of a moment, so time travel sees the trend as it was.
 */
final class WellBeingTrend {

    static final String FLAG = "WELL_BEING_LOW_OR_DROPPED";
    /** About three months of weekly check-ins. */
    static final int KEPT = 12;

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
        Integer previous = known.size() > 1 ? known.get(known.size() - 2).percentage() : null;
        if (!WellBeingCheckedIn.lowOrDropped(previous, last.percentage())) {
            return Optional.empty();
        }
        if (last.percentage() <= WellBeingCheckedIn.LOW_PERCENTAGE) {
            return Optional.of("WHO-5 well-being " + last.percentage() + " % (at or below "
                               + WellBeingCheckedIn.LOW_PERCENTAGE + " %) " + RowAttention.ago(last.at(), now));
        }
        return Optional.of("WHO-5 well-being fell from " + previous + " % to " + last.percentage() + " % "
                           + RowAttention.ago(last.at(), now));
    }

    private static List<CheckIn> asOf(List<CheckIn> kept, Instant now) {
        return kept.stream().filter(c -> !c.at().isAfter(now)).toList();
    }
}
