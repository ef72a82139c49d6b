package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * The client marks a person named in their texts (the ex, a friend): {@code label} is how the client's pages show
 * them ("my ex"), {@code names} what is found in their texts ("Alex", "Alex Morgan").
 */
public record MarkPerson(@TargetAggregateIdentifier String clientId, String personId, String label,
                         List<String> names, Instant markedAt) {
}
