package org.rekindle.plan.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The plan was resumed. */
@Revision("1")
public record PlanResumed(String planId, String clientId, Instant resumedAt) {
}
