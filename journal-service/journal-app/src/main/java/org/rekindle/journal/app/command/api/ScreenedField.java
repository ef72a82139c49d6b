package org.rekindle.journal.app.command.api;

/** Every free text of a journal that is screened for risk language before it is sealed. */
public enum ScreenedField {
    REFLECTION_TEXT,
    APOLOGY_TEXT,
    MOOD_NOTE,
    BREACH_NOTE,
    URGE_NOTE,
    NO_CONTACT_END_REASON
}
