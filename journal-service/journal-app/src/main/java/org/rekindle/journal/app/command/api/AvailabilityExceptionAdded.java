package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The coach offers no slots on {@code date}. */
@Revision("1")
public record AvailabilityExceptionAdded(String coachId, LocalDate date) {
}
