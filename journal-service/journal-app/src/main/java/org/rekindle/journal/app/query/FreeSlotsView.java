package org.rekindle.journal.app.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The slots of a coach a client can book from now to {@code until}: offered by the weekly rule, not on a day off,
 * not overlapping a booked session, in the future. Each as instants and as the date, weekday and time in the coach's
 * {@code zone}, soonest first.
 */
public record FreeSlotsView(String coachId, String zone, Integer minutes, Instant until, List<FreeSlot> slots) {

    /** One free slot; book it by posting its {@code start}. */
    public record FreeSlot(Instant start, Instant end, LocalDate localDate, String dayOfWeek, LocalTime localTime) {
    }
}
