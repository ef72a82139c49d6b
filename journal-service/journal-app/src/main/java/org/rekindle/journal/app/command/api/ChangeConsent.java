package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Set;

/** Let the coach see exactly {@code coachSees} from now on (the whole choice). */
public record ChangeConsent(@TargetAggregateIdentifier String clientId, Set<CoachView> coachSees, Instant changedAt) {
}
