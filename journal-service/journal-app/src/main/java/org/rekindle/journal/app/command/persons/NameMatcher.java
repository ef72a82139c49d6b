package org.rekindle.journal.app.command.persons;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the names of the people a client marked in a text: case-insensitive, whole words only ("Alex" is found in
 * "alex", "ALEX" and "Alex's", not in "Alexander" or "Alexa"), a name of several words across any whitespace ("Alex
 * Morgan" over a line break). A possessive keeps its "'s" outside the match, so "Alex's" becomes the person's
 * placeholder followed by "'s". Where names overlap the longer wins ("Alex Morgan" before "Alex"); a name two
 * people share goes to the person marked first.
 */
public final class NameMatcher {

    private final Pattern pattern;
    private final Map<String, String> personByName;

    /** {@code namesByPerson}: the person ids in the order they were marked, each with their names. */
    public NameMatcher(Map<String, List<String>> namesByPerson) {
        Map<String, String> byName = new LinkedHashMap<>();
        namesByPerson.forEach((person, names) -> names.stream().map(NameMatcher::key)
                                                      .filter(name -> !name.isEmpty())
                                                      .forEach(name -> byName.putIfAbsent(name, person)));
        this.personByName = byName;
        this.pattern = byName.isEmpty() ? null : Pattern.compile(
                "(?<![\\p{L}\\p{N}_])(?:" + String.join("|", byName.keySet().stream()
                        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s))
                        .map(NameMatcher::regex).toList()) + ")(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Where the text names a marked person, in text order, never overlapping. */
    public List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        if (pattern == null || text == null) {
            return found;
        }
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            String person = personByName.get(key(matcher.group()));
            if (person != null) {
                found.add(new Found(matcher.start(), matcher.end(), person));
            }
        }
        return found;
    }

    /** A name as it is compared: lower case, inner whitespace as one space, trimmed. */
    public static String key(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    private static String regex(String name) {
        List<String> words = List.of(name.split(" "));
        return String.join("\\s+", words.stream().map(Pattern::quote).toList());
    }

    /** One occurrence: {@code [start, end)} of the text names {@code personId}. */
    public record Found(int start, int end, String personId) {
    }
}
