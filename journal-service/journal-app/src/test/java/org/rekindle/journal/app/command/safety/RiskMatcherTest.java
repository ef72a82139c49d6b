package org.rekindle.journal.app.command.safety;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rekindle.journal.app.query.CurrentRiskLists;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default English list through the matcher: what must alert, what must not, and the phrase syntax. */
class RiskMatcherTest {

    private final RiskMatcher english = new RiskMatcher(CurrentRiskLists.bundledDefault("en"));

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "I want to kill myself|SUICIDAL_IDEATION",
            "i WANT TO KILL MYSELF|SUICIDAL_IDEATION",
            "Last night I thought about killing myself.|SUICIDAL_IDEATION",
            "I keep thinking about suicide|SUICIDAL_IDEATION",
            "I feel suicidal tonight|SUICIDAL_IDEATION",
            "Sometimes I just wanted to die|SUICIDAL_IDEATION",
            "I want to just die|SUICIDAL_IDEATION",
            "Honestly I wish I were dead|SUICIDAL_IDEATION",
            "Everyone would be better off without me|SUICIDAL_IDEATION",
            "I have no reason to live since she left|SUICIDAL_IDEATION",
            "I don\u2019t want to be alive anymore|SUICIDAL_IDEATION",
            "I do not want to live like this|SUICIDAL_IDEATION",
            "I can't go on anymore|SUICIDAL_IDEATION",
            "I'm planning to end it all|SUICIDAL_IDEATION",
            "I'm not ok, I want to die|SUICIDAL_IDEATION",
            "I'm not angry but I want to die|SUICIDAL_IDEATION",
            "I can't stop wanting to die|SUICIDAL_IDEATION",
            "I don't know if I want to die|SUICIDAL_IDEATION",
            "no I want to die|SUICIDAL_IDEATION",
            "Nobody's listening I want to die|SUICIDAL_IDEATION",
            "I hurt myself again yesterday|SELF_HARM",
            "I've been cutting myself|SELF_HARM",
            "I thought about self-harm|SELF_HARM",
            "I took an overdose|SELF_HARM",
            "I want to kill him|HARM_TO_OTHERS",
            "I wanted to really hurt her|HARM_TO_OTHERS",
            "I'll make them pay|HARM_TO_OTHERS",
            "I want to hurt myself and kill him|SELF_HARM"
    })
    void alerts(String text, RiskClass expected) {
        assertThat(english.check(text)).map(RiskMatch::riskClass).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\" does not alert")
    @ValueSource(strings = {
            "I would never hurt myself",
            "I'm not suicidal, just sad",
            "I am not going to kill myself",
            "I don't want to die",
            "I have no thoughts of suicide",
            "I no longer want to die",
            "I'd never kill him",
            "I hurt her feelings and I'm sorry",
            "I'm sorry I hurt you",
            "This breakup is killing me slowly",
            "I skilled myself up at the gym",
            "I wanted to text him so badly",
            "",
            "   "
    })
    void doesNotAlert(String text) {
        assertThat(english.check(text)).isEmpty();
    }

    @Test
    void nothingToScreenMatchesNothing() {
        assertThat(english.check(null)).isEmpty();
    }

    @Test
    void aMatchNamesTheListItCameFrom() {
        RiskList list = new RiskList("en", 7, List.of(new RiskPhrase("jump* off .. bridge", RiskClass.SUICIDAL_IDEATION)));
        assertThat(new RiskMatcher(list).check("I thought of jumping off the bridge"))
                .contains(new RiskMatch(RiskClass.SUICIDAL_IDEATION, "en", 7));
        assertThat(new RiskMatcher(list).check("jumping off a very tall old bridge")).isEmpty();
    }

    @Test
    void aGapIsAtMostTwoWords() {
        RiskList list = new RiskList("en", 1, List.of(new RiskPhrase("want* to .. die", RiskClass.SUICIDAL_IDEATION)));
        assertThat(new RiskMatcher(list).check("want to die")).isPresent();
        assertThat(new RiskMatcher(list).check("want to really just die")).isPresent();
        assertThat(new RiskMatcher(list).check("want to see the movie where they die")).isEmpty();
    }

    @Test
    void aPhraseWithoutAWordAtEitherEndIsRefused() {
        assertThatThrownBy(() -> new RiskMatcher(new RiskList("en", 1, List.of(
                new RiskPhrase("die ..", RiskClass.SELF_HARM))))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RiskMatcher(new RiskList("en", 1, List.of(
                new RiskPhrase(" ", RiskClass.SELF_HARM))))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultListIsWellFormed() {
        RiskList list = CurrentRiskLists.bundledDefault("en");
        assertThat(list.phrases()).extracting(RiskPhrase::riskClass).contains(RiskClass.values());
        assertThat(Optional.of(list.version())).contains(1);
    }
}
