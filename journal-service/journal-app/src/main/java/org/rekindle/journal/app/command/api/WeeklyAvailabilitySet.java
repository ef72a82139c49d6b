package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A coach's weekly availability (slots of {@code minutes} in {@code zone}) was set. */
@Revision("1")
public record WeeklyAvailabilitySet(String coachId, String zone, int minutes, List<WeeklySlot> slots,
                                    Instant setAt) {
}
