package org.rekindle.journal.app.command.safety;

/** A text matched an entry of a risk list: which class, and which list (language and version) said so. */
public record RiskMatch(RiskClass riskClass, String language, int listVersion) {
}
