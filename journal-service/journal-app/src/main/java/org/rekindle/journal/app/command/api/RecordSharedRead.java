package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Someone other than the client (their coach) read these shared entries: the client's access ledger records it. */
public record RecordSharedRead(@TargetAggregateIdentifier String clientId, String readerId, List<String> entryIds,
                               Instant readAt) {
}
