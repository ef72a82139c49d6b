package org.rekindle.plan.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The plan was paused. */
@Revision("1")
public record PlanPaused(String planId, String clientId, Instant pausedAt) {
}
