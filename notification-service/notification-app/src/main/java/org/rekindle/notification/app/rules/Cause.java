package org.rekindle.notification.app.rules;

import java.time.Instant;

/** An event that made a rule fire: its CloudEvent id and type, when it happened, and a non-sensitive detail. */
public record Cause(String eventId, String type, Instant at, String detail) {
}
