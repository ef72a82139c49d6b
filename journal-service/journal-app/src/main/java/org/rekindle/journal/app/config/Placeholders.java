package org.rekindle.journal.app.config;

import org.rekindle.journal.app.command.persons.NameMatcher;

import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholder a marked person's name becomes inside a client's sealed text: {@code U+E000 p:<personId>:<the name
 * as written, sealed with the person's key> U+E001}. The two private-use characters never come from a writer: they
 * are replaced in what the client or coach typed before any placeholder is made, so a placeholder cannot be forged.
 */
final class Placeholders {

    static final char START = '\uE000';
    static final char END = '\uE001';
    private static final Pattern TOKEN = Pattern.compile(START + "p:([A-Za-z0-9._-]+):([A-Za-z0-9+/=]*)" + END);

    private Placeholders() {
    }

    /** What a writer typed, with the placeholder delimiters made harmless. */
    static String clean(String typed) {
        return typed.replace(START, '\uFFFD').replace(END, '\uFFFD');
    }

    /**
     * Every marked name in the text's plain parts replaced by a placeholder ({@code sealName(personId, name)} seals
     * it); placeholders already in the text are kept as they are.
     */
    static String insert(String text, NameMatcher matcher, BiFunction<String, String, String> sealName) {
        StringBuilder out = new StringBuilder();
        Matcher token = TOKEN.matcher(text);
        int plainFrom = 0;
        while (token.find()) {
            out.append(insertPlain(text.substring(plainFrom, token.start()), matcher, sealName));
            out.append(token.group());
            plainFrom = token.end();
        }
        out.append(insertPlain(text.substring(plainFrom), matcher, sealName));
        return out.toString();
    }

    /** The text with each placeholder replaced by what {@code openName(personId, sealedName)} answers. */
    static String resolve(String text, BiFunction<String, String, String> openName) {
        if (text.indexOf(START) < 0) {
            return text;
        }
        return TOKEN.matcher(text).replaceAll(match -> Matcher.quoteReplacement(
                openName.apply(match.group(1), match.group(2))));
    }

    private static String insertPlain(String plain, NameMatcher matcher,
                                      BiFunction<String, String, String> sealName) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (NameMatcher.Found found : matcher.find(plain)) {
            out.append(plain, from, found.start()).append(START).append("p:").append(found.personId()).append(':')
               .append(sealName.apply(found.personId(), plain.substring(found.start(), found.end()))).append(END);
            from = found.end();
        }
        return out.append(plain.substring(from)).toString();
    }

}
