package org.rekindle.web.view;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordDiffTest {

    private final WordDiff diff = new WordDiff();

    @Test
    void showsTheWordsRemovedAndAddedBetweenTwoVersions() {
        assertThat(diff.words("I'm sorry, but you always made plans.", "I'm sorry I made plans without asking you."))
                .containsExactly(new WordDiff.Segment("same", "I'm"),
                                 new WordDiff.Segment("removed", "sorry, but you always"),
                                 new WordDiff.Segment("added", "sorry I"),
                                 new WordDiff.Segment("same", "made"),
                                 new WordDiff.Segment("removed", "plans."),
                                 new WordDiff.Segment("added", "plans without asking you."));
    }

    @Test
    void anUnchangedTextIsOneRunAndAnEmptyOneIsAllAdded() {
        assertThat(diff.words("same words here", "same words here"))
                .containsExactly(new WordDiff.Segment("same", "same words here"));
        assertThat(diff.words(null, "new text")).containsExactly(new WordDiff.Segment("added", "new text"));
        assertThat(diff.words("old", "")).containsExactly(new WordDiff.Segment("removed", "old"));
    }
}
