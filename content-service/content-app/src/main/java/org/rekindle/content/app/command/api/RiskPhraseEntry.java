package org.rekindle.content.app.command.api;

/** One entry of a risk-language list: a phrase ({@code RiskPhraseRules}) and the class of risk it points at. */
public record RiskPhraseEntry(String phrase, String riskClass) {
}
