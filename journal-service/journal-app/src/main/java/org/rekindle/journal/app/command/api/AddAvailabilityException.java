package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The coach offers no slots on {@code date} (in their zone), e.g. a holiday. */
public record AddAvailabilityException(@TargetAggregateIdentifier String coachId, LocalDate date) {
}
