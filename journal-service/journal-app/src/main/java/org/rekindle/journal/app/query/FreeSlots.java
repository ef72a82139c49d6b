package org.rekindle.journal.app.query;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Which slots of a weekly rule are free between two instants: each date in the coach's zone, each slot of that
 * weekday, minus the days off, the local times a clock change skips (the aggregate refuses them too), the past and
 * whatever overlaps a booked session. The same rules the calendar aggregate enforces when the slot is booked.
 */
final class FreeSlots {

    /** A booked session's span. */
    record Busy(Instant start, Instant end) {
    }

    /** A slot of the weekly rule. */
    record Weekly(DayOfWeek day, LocalTime start) {
    }

    private FreeSlots() {
    }

    static List<FreeSlotsView.FreeSlot> between(ZoneId zone, int minutes, List<Weekly> rule, Set<LocalDate> daysOff,
                                                List<Busy> busy, Instant from, Instant until) {
        List<FreeSlotsView.FreeSlot> free = new ArrayList<>();
        LocalDate last = until.atZone(zone).toLocalDate();
        for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            if (daysOff.contains(date)) {
                continue;
            }
            for (Weekly slot : rule) {
                if (slot.day() != date.getDayOfWeek()) {
                    continue;
                }
                ZonedDateTime local = ZonedDateTime.of(date, slot.start(), zone);
                if (!local.toLocalTime().equals(slot.start())) {
                    continue; // skipped by a clock change
                }
                Instant start = local.toInstant();
                Instant end = start.plusSeconds(60L * minutes);
                if (!start.isAfter(from) || start.isAfter(until) || overlapsAny(start, end, busy)) {
                    continue;
                }
                free.add(new FreeSlotsView.FreeSlot(start, end, date, date.getDayOfWeek().name(), slot.start()));
            }
        }
        free.sort(Comparator.comparing(FreeSlotsView.FreeSlot::start));
        return free;
    }

    private static boolean overlapsAny(Instant start, Instant end, List<Busy> busy) {
        return busy.stream().anyMatch(b -> start.isBefore(b.end()) && b.start().isBefore(end));
    }
}
