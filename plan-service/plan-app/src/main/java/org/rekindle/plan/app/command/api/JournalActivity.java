package org.rekindle.plan.app.command.api;

/** The kinds of journal activity that can complete a plan step. */
public enum JournalActivity {
    REFLECTION_COMPLETED, APOLOGY_DRAFTED, MOOD_CHECKED_IN, NO_CONTACT_STARTED, NO_CONTACT_ATTEMPT_ENDED
}
