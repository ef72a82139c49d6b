package org.rekindle.content.app.command.api;

/**
 * One step of a program. {@code promptId} only for reflection prompts, {@code targetDays} only for a no-contact
 * period, {@code checkIns} only for a mood check-in habit.
 */
public record Step(String stepId, StepKind kind, String title, String guidance, int dayOffset, Integer durationDays,
                   String promptId, Integer targetDays, Integer checkIns) {
}
