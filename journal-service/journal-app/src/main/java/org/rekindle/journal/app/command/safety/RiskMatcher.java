package org.rekindle.journal.app.command.safety;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Matches text against one risk list. Phrase syntax, word by word (case and curly apostrophes do not matter):
 * <ul>
 *   <li>{@code kill*}: a stem, matching kill, kills, killed, killing (inflection by prefix);</li>
 *   <li>{@code him|her|them}: any one of these words (each may be a stem);</li>
 *   <li>{@code ..}: up to two other words in between ("want to .. die" also finds "wanted to just die").</li>
 * </ul>
 * A match is dropped when a negation ({@link #NEGATORS}) stands within three words before it in the same clause
 * ("I would never hurt myself", "I'm not suicidal", "I don't want to die"). Clauses end at . , ; : ! ? a line break
 * and "but", so "I'm not ok, I want to die" still matches; a clause's first word "no" is an answer, not a negation
 * ("no I want to die"). "can't" and "couldn't" are not negations here ("I can't
 * stop wanting to die"): when in doubt the screen errs towards alerting, since a false alert costs a coach a minute
 * and a missed one can cost far more.
 */
public final class RiskMatcher {

    static final Set<String> NEGATORS = Set.of("not", "never", "no", "don't", "dont", "won't", "wont", "wouldn't",
                                               "wouldnt", "didn't", "didnt", "isn't", "isnt", "aren't", "wasn't",
                                               "shouldn't");
    static final int NEGATION_WINDOW = 3;
    static final int MAX_GAP = 2;
    private static final String GAP = "..";
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[.,;:!?\\n\\r]+|\\bbut\\b");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}'*|.]+");
    private static final Pattern WORD_SPLIT = Pattern.compile("[^\\p{L}\\p{N}']+");

    private final RiskList list;
    private final List<Compiled> phrases;

    public RiskMatcher(RiskList list) {
        this.list = list;
        this.phrases = list.phrases().stream().map(Compiled::of).toList();
    }

    /** The most urgent class among the phrases the text matches, if any. */
    public Optional<RiskMatch> check(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<List<String>> clauses = clauses(text);
        return phrases.stream().filter(phrase -> clauses.stream().anyMatch(phrase::foundIn))
                      .map(Compiled::riskClass).min(Comparator.naturalOrder())
                      .map(riskClass -> new RiskMatch(riskClass, list.language(), list.version()));
    }

    static List<List<String>> clauses(String text) {
        List<List<String>> clauses = new ArrayList<>();
        for (String clause : CLAUSE_BREAK.split(normalized(text))) {
            List<String> tokens = new ArrayList<>();
            for (String token : WORD_SPLIT.split(clause)) {
                String word = trimApostrophes(token);
                if (!word.isEmpty()) {
                    tokens.add(word);
                }
            }
            if (!tokens.isEmpty()) {
                clauses.add(tokens);
            }
        }
        return clauses;
    }

    private static List<String> words(String phrase) {
        List<String> words = new ArrayList<>();
        for (String token : NOT_A_WORD.split(normalized(phrase).trim())) {
            if (!token.isEmpty()) {
                words.add(token.equals(GAP) ? GAP : trimApostrophes(token));
            }
        }
        return words;
    }

    private static String normalized(String text) {
        return text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'').replace('`', '\'');
    }

    private static String trimApostrophes(String token) {
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

    /** A phrase ready to match: its words, in order, with gaps. */
    private record Compiled(List<String> words, RiskClass riskClass) {

        /** Lists are validated where they are written (content-service's {@code RiskPhraseRules}); this only guards. */
        static Compiled of(RiskPhrase phrase) {
            List<String> words = RiskMatcher.words(phrase.phrase() == null ? "" : phrase.phrase());
            if (words.isEmpty() || words.get(0).equals(GAP) || words.get(words.size() - 1).equals(GAP)) {
                throw new IllegalArgumentException("Risk phrase '" + phrase.phrase() + "' has no word to match at "
                                                   + "its start or end");
            }
            return new Compiled(words, phrase.riskClass());
        }

        boolean foundIn(List<String> clause) {
            for (int start = 0; start < clause.size(); start++) {
                if (matchesFrom(0, clause, start) && !negatedBefore(clause, start)) {
                    return true;
                }
            }
            return false;
        }

        private boolean matchesFrom(int word, List<String> clause, int token) {
            if (word == words.size()) {
                return true;
            }
            String expected = words.get(word);
            if (expected.equals(GAP)) {
                for (int skip = 0; skip <= MAX_GAP && token + skip <= clause.size(); skip++) {
                    if (matchesFrom(word + 1, clause, token + skip)) {
                        return true;
                    }
                }
                return false;
            }
            return token < clause.size() && sameWord(expected, clause.get(token))
                   && matchesFrom(word + 1, clause, token + 1);
        }

        private static boolean sameWord(String expected, String actual) {
            for (String alternative : expected.split("\\|")) {
                boolean stem = alternative.endsWith("*");
                String word = stem ? alternative.substring(0, alternative.length() - 1) : alternative;
                if (stem ? actual.startsWith(word) : actual.equals(word)) {
                    return true;
                }
            }
            return false;
        }

        /** A clause's first word "no" is an answer ("no I want to die"), not a negation of what follows. */
        private static boolean negatedBefore(List<String> clause, int start) {
            for (int i = Math.max(0, start - NEGATION_WINDOW); i < start; i++) {
                String word = clause.get(i);
                if (NEGATORS.contains(word) && !(i == 0 && word.equals("no"))) {
                    return true;
                }
            }
            return false;
        }
    }
}
