package org.rekindle.content.app.command.api;

/** What a step asks of the client, and what completes it. */
public enum StepKind {
    REFLECTION_PROMPT, APOLOGY_DRAFT, NO_CONTACT_PERIOD, MOOD_CHECK_IN_HABIT, EXERCISE, READING, MILESTONE
}
