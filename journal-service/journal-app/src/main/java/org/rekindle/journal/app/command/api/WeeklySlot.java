package org.rekindle.journal.app.command.api;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** A weekly slot a coach offers, in the coach's zone: a session may start at {@code start} on {@code day}. */
public record WeeklySlot(DayOfWeek day, LocalTime start) {
}
