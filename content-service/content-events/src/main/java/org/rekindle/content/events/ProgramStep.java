package org.rekindle.content.events;

/**
 * A step of a published program version. {@code kind} is one of REFLECTION_PROMPT, APOLOGY_DRAFT,
 * NO_CONTACT_PERIOD, MOOD_CHECK_IN_HABIT, EXERCISE, READING, MILESTONE. {@code promptId} is set for reflection
 * prompts (a journal reflection answering it completes the step), {@code targetDays} for a no-contact period,
 * {@code checkIns} for a mood check-in habit; otherwise null. {@code dayOffset} counts from the plan's start.
 */
public record ProgramStep(String stepId, String kind, String title, String guidance, int dayOffset,
                          @Nullable Integer durationDays, @Nullable String promptId, @Nullable Integer targetDays,
                          @Nullable Integer checkIns) {
}
