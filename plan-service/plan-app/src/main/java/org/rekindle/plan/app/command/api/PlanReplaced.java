package org.rekindle.plan.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The plan ended because the coach assigned {@code replacementPlanId} in its place, for {@code reason}. */
@Revision("1")
public record PlanReplaced(String planId, String clientId, String replacementPlanId, String reason,
                           Instant replacedAt) {
}
