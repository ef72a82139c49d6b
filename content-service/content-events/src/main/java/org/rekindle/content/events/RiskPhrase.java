package org.rekindle.content.events;

/**
 * One entry of a risk-language list: a phrase and the class of risk it points at ({@code SUICIDAL_IDEATION},
 * {@code SELF_HARM} or {@code HARM_TO_OTHERS}). Phrase syntax, word by word: a word; {@code kill*}, a stem of at
 * least three letters; {@code him|her|them}, one of several words; {@code ..}, up to two other words in between
 * (never first or last). Case and curly apostrophes do not matter. Every published list has passed these rules.
 */
public record RiskPhrase(String phrase, String riskClass) {
}
