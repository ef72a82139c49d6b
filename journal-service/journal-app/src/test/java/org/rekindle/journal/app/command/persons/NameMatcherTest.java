package org.rekindle.journal.app.command.persons;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which words of a text name a marked person, and which do not. */
class NameMatcherTest {

    private static NameMatcher matcher(Object... personAndNames) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (int i = 0; i < personAndNames.length; i += 2) {
            @SuppressWarnings("unchecked") List<String> list = (List<String>) personAndNames[i + 1];
            names.put((String) personAndNames[i], list);
        }
        return new NameMatcher(names);
    }

    /** The text with each match shown as {@code <personId>}. */
    private static String marked(NameMatcher matcher, String text) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (NameMatcher.Found found : matcher.find(text)) {
            out.append(text, from, found.start()).append('<').append(found.personId()).append('>');
            from = found.end();
        }
        return out.append(text.substring(from)).toString();
    }

    @Test
    void findsWholeWordsInAnyCase() {
        NameMatcher m = matcher("p1", List.of("Alex"));
        assertThat(marked(m, "Alex called. I told alex no, ALEX!")).isEqualTo("<p1> called. I told <p1> no, <p1>!");
        assertThat(marked(m, "Alexander and Alexa met Malex at alex_1 or 2alex")).isEqualTo(
                "Alexander and Alexa met Malex at alex_1 or 2alex");
    }

    @Test
    void possessivesKeepTheirEnding() {
        NameMatcher m = matcher("p1", List.of("Alex"));
        assertThat(marked(m, "Alex's car, Alex’s mother, Alexs' not")).isEqualTo("<p1>'s car, <p1>’s mother, Alexs' not");
    }

    @Test
    void longerNamesWinAndSpanAnyWhitespace() {
        NameMatcher m = matcher("p1", List.of("Alex", "Alex Morgan"), "p2", List.of("Morgan"));
        assertThat(marked(m, "Alex Morgan left; Alex\nMorgan too; Morgan stayed; Alex waved"))
                .isEqualTo("<p1> left; <p1> too; <p2> stayed; <p1> waved");
    }

    @Test
    void aSharedNameGoesToThePersonMarkedFirst() {
        NameMatcher m = matcher("p1", List.of("Sam"), "p2", List.of("sam", "Jo"));
        assertThat(marked(m, "Sam and Jo")).isEqualTo("<p1> and <p2>");
    }

    @Test
    void namesAreTakenLiterallyNotAsPatterns() {
        NameMatcher m = matcher("p1", List.of("J.R.", "Zoë"));
        assertThat(marked(m, "J.R. met JxRx and ZOË, zoë, Zoe")).isEqualTo("<p1> met JxRx and <p1>, <p1>, Zoe");
    }

    @Test
    void nothingMarkedFindsNothing() {
        assertThat(matcher().find("Alex")).isEmpty();
        assertThat(matcher("p1", List.of("Alex")).find(null)).isEmpty();
    }
}
