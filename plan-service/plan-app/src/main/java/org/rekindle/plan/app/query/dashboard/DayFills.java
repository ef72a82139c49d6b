package org.rekindle.plan.app.query.dashboard;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What this instance knows of each timeline day it wrote recently ({@link TimelineDays}): which part is filling, how
 * full it is, and the prints of every event the day holds, for the {@value #DAYS} days written last; a day is read
 * from its documents only the first time this instance writes it. Thread-safe (the processor's segments share it); a
 * day's fill is changed by one writer at a time, the segment its client falls to ({@link ByClient}).
 */
final class DayFills {

    static final int DAYS = 10_000;

    /**
     * A day's part that is filling, the events set into it, and the prints of all the day's events (shared by the
     * fills of one day: changed only by the writer of the day's client, and dropped with them if a write fails).
     */
    record Fill(int part, int held, EventPrints prints) {

        /** This part with one more event, or the next part with its first when this one holds {@code perPart}. */
        Fill withOneMore(int perPart, String eventId) {
            prints.add(EventPrints.of(eventId));
            return held >= perPart ? new Fill(part + 1, 1, prints) : new Fill(part, held + 1, prints);
        }
    }

    private final Map<String, Fill> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Fill> eldest) {
            return size() > DAYS;
        }
    };

    /** The fills known here of these days (a copy, to change and {@link #remember}). */
    synchronized Map<String, Fill> of(Collection<String> dayIds) {
        Map<String, Fill> known = new HashMap<>();
        for (String id : dayIds) {
            Fill fill = recent.get(id);
            if (fill != null) {
                known.put(id, fill);
            }
        }
        return known;
    }

    /** Called once the days' documents are written. */
    synchronized void remember(Map<String, Fill> fills) {
        recent.putAll(fills);
    }

    /** After documents were rewritten or removed: every day is read again when it is next written. */
    synchronized void forget() {
        recent.clear();
    }
}
