package org.rekindle.content.app.command;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The phrase syntax both sides read, and the default English list shipped with the contract. */
class RiskPhraseRulesTest {

    @Test
    void wellFormedPhrases() {
        assertThat(RiskPhraseRules.problemWith("kill* myself")).isNull();
        assertThat(RiskPhraseRules.problemWith("want* to .. die")).isNull();
        assertThat(RiskPhraseRules.problemWith("kill* him|her|them")).isNull();
        assertThat(RiskPhraseRules.problemWith("Don\u2019t want to live")).isNull();
        assertThat(RiskPhraseRules.words("Don\u2019t WANT to .. live")).containsExactly("don't", "want", "to", "..",
                                                                                         "live");
    }

    @Test
    void eachRefusalSaysWhy() {
        assertThat(RiskPhraseRules.problemWith(null)).isEqualTo("must not be blank");
        assertThat(RiskPhraseRules.problemWith("  ")).isEqualTo("must not be blank");
        assertThat(RiskPhraseRules.problemWith("!!")).isEqualTo("must contain a word");
        assertThat(RiskPhraseRules.problemWith(".. die")).isEqualTo("may not start or end with '..'");
        assertThat(RiskPhraseRules.problemWith("die ..")).isEqualTo("may not start or end with '..'");
        assertThat(RiskPhraseRules.problemWith("ki* me")).contains("at least three");
        assertThat(RiskPhraseRules.problemWith("k*ll me")).contains("stem");
        assertThat(RiskPhraseRules.problemWith("him| me")).contains("needs letters");
        assertThat(RiskPhraseRules.problemWith("end. it")).contains("gap");
        assertThat(RiskPhraseRules.problemWith("x".repeat(121))).contains("120");
    }

    @Test
    void theDefaultEnglishListIsWellFormedAndNamesKnownClasses() throws IOException {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/risk-lists/en.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher entries = Pattern.compile("\"phrase\" : \"([^\"]+)\", \"riskClass\" : \"([A-Z_]+)\"").matcher(json);
        List<String> classes = new ArrayList<>();
        int count = 0;
        while (entries.find()) {
            count++;
            assertThat(RiskPhraseRules.problemWith(entries.group(1))).as(entries.group(1)).isNull();
            classes.add(entries.group(2));
        }
        assertThat(count).isGreaterThan(20);
        assertThat(classes).allMatch(RiskPhraseRules.CLASSES::contains).containsAll(RiskPhraseRules.CLASSES);
        assertThat(json).contains("\"language\" : \"en\"").contains("\"version\" : 1");
    }
}
