package org.rekindle.plan.app.command.api;

/** A step whose state a change of the breach rules would change: from {@code before} to {@code after} (OPEN, COMPLETED). */
public record StepChangePreview(String stepId, String title, String before, String after) {
}
