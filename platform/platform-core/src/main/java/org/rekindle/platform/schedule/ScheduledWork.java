package org.rekindle.platform.schedule;

import org.bson.Document;

import java.time.Instant;

/**
 * One piece of work due at an instant: its key names the occurrence (so scheduling it twice keeps one), its kind
 * (the {@link WorkKind#storedName()} it was stored under) picks the {@link ScheduledWorkHandler}, and the payload
 * carries what the handler needs.
 */
public record ScheduledWork(String key, String kind, Instant dueAt, Document payload, int attempt) {
}
