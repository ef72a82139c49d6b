package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** The client changes a marked person's label or names (the whole new list of names). */
public record RenamePerson(@TargetAggregateIdentifier String clientId, String personId, String label,
                           List<String> names, Instant renamedAt) {
}
