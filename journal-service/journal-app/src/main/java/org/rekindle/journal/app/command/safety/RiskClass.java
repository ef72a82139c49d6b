package org.rekindle.journal.app.command.safety;

/** What a risk phrase points at, most urgent first (when one text matches several, the first one is raised). */
public enum RiskClass {
    SUICIDAL_IDEATION,
    SELF_HARM,
    HARM_TO_OTHERS
}
