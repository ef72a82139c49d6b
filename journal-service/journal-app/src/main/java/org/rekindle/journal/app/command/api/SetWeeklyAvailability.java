package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** The coach offers these weekly slots in their IANA zone from now on (replacing the previous rule). */
public record SetWeeklyAvailability(@TargetAggregateIdentifier String coachId, String zone, int minutes,
                                    List<WeeklySlot> slots, Instant setAt) {
}
