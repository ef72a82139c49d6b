package org.rekindle.content.app.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a risk phrase may look like, word by word (case and curly apostrophes do not matter): a word; {@code kill*}, a
 * stem of at least three letters (kill, kills, killed, killing); {@code him|her|them}, one of several words (each may
 * be a stem); {@code ..}, up to two other words in between, never first or last. journal-service's matcher reads
 * phrases this way (its {@code RiskMatcher}); a list is validated here, where it is written, and published only when
 * every phrase passes.
 */
public final class RiskPhraseRules {

    /** The gap word: up to {@link #MAX_GAP} other words. */
    public static final String GAP = "..";
    public static final int MAX_GAP = 2;
    public static final int MAX_LENGTH = 120;
    private static final Pattern SEPARATOR = Pattern.compile("[^\\p{L}\\p{N}'*|.]+");

    private RiskPhraseRules() {
    }

    /** Why the phrase is refused, or null when it is well formed. */
    public static String problemWith(String phrase) {
        if (phrase == null || phrase.isBlank()) {
            return "must not be blank";
        }
        if (phrase.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        List<String> words = words(phrase);
        if (words.isEmpty()) {
            return "must contain a word";
        }
        if (words.get(0).equals(GAP) || words.get(words.size() - 1).equals(GAP)) {
            return "may not start or end with '..'";
        }
        for (String word : words) {
            if (word.equals(GAP)) {
                continue;
            }
            if (word.contains(".")) {
                return "'" + word + "': a dot may only stand as the gap '..'";
            }
            for (String alternative : word.split("\\|", -1)) {
                String letters = alternative.replace("*", "");
                boolean stem = alternative.endsWith("*");
                if (letters.length() < (stem ? 3 : 1) || alternative.indexOf('*') != alternative.lastIndexOf('*')
                    || (alternative.contains("*") && !stem)) {
                    return "'" + word + "': each word needs letters, and a stem (ending in *) at least three";
                }
            }
        }
        return null;
    }

    /** The phrase's words, lower-cased, with apostrophes normalised and the gap kept as {@link #GAP}. */
    public static List<String> words(String phrase) {
        List<String> words = new ArrayList<>();
        for (String token : SEPARATOR.split(normalized(phrase).trim())) {
            if (!token.isEmpty()) {
                words.add(token.equals(GAP) ? GAP : trimApostrophes(token));
            }
        }
        return words;
    }

    /** Every class a phrase may name, most urgent first (journal-service's {@code RiskClass}). */
    public static final List<String> CLASSES = List.of("SUICIDAL_IDEATION", "SELF_HARM", "HARM_TO_OTHERS");

    /** Lower case, curly and back-tick apostrophes made straight: how texts and phrases are compared. */
    public static String normalized(String text) {
        return text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'').replace('`', '\'');
    }

    public static String trimApostrophes(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && token.charAt(start) == '\'') {
            start++;
        }
        while (end > start && token.charAt(end - 1) == '\'') {
            end--;
        }
        return token.substring(start, end);
    }
}
