package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Record the client's weekly WHO-5 Well-Being Index: the five answers (0 = at no time ... 5 = all of the time, in the
 * order of {@code Who5.ITEMS}) and the ISO week ({@code 2026-W49}) in the client's zone that the check-in counts for.
 */
public record RecordWellBeingCheckIn(@TargetAggregateIdentifier String clientId, String checkInId, List<Integer> items,
                                     String week, Instant occurredAt) {
}
