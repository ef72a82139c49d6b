package org.rekindle.journal.app.query;

import java.util.List;

/**
 * A coach's calendar: the weekly rule ({@code zone}, session length {@code minutes}, {@code slots} as day and local
 * start), the days off from today on, the {@code upcoming} sessions (booked, not over; soonest first) and the
 * {@code past} ones (over or cancelled; latest first, at most the asked number). {@code zone} is null and the lists
 * empty until the coach sets their availability.
 */
public record CalendarView(String coachId, String zone, Integer minutes, List<Slot> slots, List<String> exceptions,
                           List<SessionView> upcoming, List<SessionView> past) {

    /** A weekly slot: {@code day} (MONDAY..SUNDAY) and local {@code start} (HH:mm) in the coach's zone. */
    public record Slot(String day, String start) {
    }
}
