package org.rekindle.plan.app.query.dashboard;

import java.time.Instant;
import java.util.Comparator;

/**
 * An event as the month index lists it: when it happened, its id and its type, which is all a timeline page needs to
 * choose its events (the order is time, then id; the coach's consent hides by type) before reading any of them.
 * Stored as one string, {@code <epoch millis, 13 digits>|<type>|<event id>} (the event id last, as it is the only
 * part that might hold a {@code |}).
 */
record TimelineEntry(Instant time, String eventId, String type) {

    /** The timeline's order, oldest first. */
    static final Comparator<TimelineEntry> OLDEST_FIRST = Comparator.comparing(TimelineEntry::time)
                                                                     .thenComparing(TimelineEntry::eventId);

    static TimelineEntry of(ClientEvent event) {
        return new TimelineEntry(event.time(), event.eventId(), event.type());
    }

    String stored() {
        return "%013d|%s|%s".formatted(time.toEpochMilli(), type, eventId);
    }

    static TimelineEntry parse(String stored) {
        int afterTime = stored.indexOf('|');
        int afterType = stored.indexOf('|', afterTime + 1);
        return new TimelineEntry(Instant.ofEpochMilli(Long.parseLong(stored.substring(0, afterTime))),
                                 stored.substring(afterType + 1), stored.substring(afterTime + 1, afterType));
    }

    /** Before this entry in the timeline's order (events of the same instant by id, so none is skipped or repeated). */
    boolean isAfter(TimelineEntry other) {
        return OLDEST_FIRST.compare(this, other) > 0;
    }
}
