package org.rekindle.journal.app.command;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The notes on an apology draft, as the journal API returns them. */
class ApologyFeedbackTest {

    @Test
    void neverPraisesADraftWhereBlameDominates() {
        List<ApologyFeedback.Note> notes = ApologyFeedback.of(
                "You always ignored me. I'm sorry if you felt bad, but you made me do it. I will try harder.");
        assertThat(notes).extracting(ApologyFeedback.Note::kind).containsOnly("watch");
        assertThat(notes).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void oneBlamingPhraseWithholdsTheOwnershipPraiseOnly() {
        List<ApologyFeedback.Note> notes = ApologyFeedback.of(
                "I'm sorry I missed your sister's wedding, but I will make it up to you.");
        assertThat(notes).extracting(ApologyFeedback.Note::text).noneMatch(t -> t.contains("own it"))
                         .anyMatch(t -> t.contains("“Sorry, but…”")).anyMatch(t -> t.contains("what will be different"));
    }

    @Test
    void namesEachPhrasingThatTurnsAnApologyIntoAnAccusation() {
        assertThat(watch("I'm sorry, but you always made plans without asking me."))
                .anyMatch(n -> n.contains("“You always…”")).anyMatch(n -> n.contains("“Sorry, but…”"));
        assertThat(watch("I am sorry if you were hurt by what happened.")).anyMatch(n -> n.contains("“Sorry if…”"));
        assertThat(watch("I'm sorry you feel that way about the trip.")).anyMatch(n -> n.contains("“Sorry you feel…”"));
        assertThat(watch("I shouted because you made me feel small.")).anyMatch(n -> n.contains("“You made me…”"));
        assertThat(watch("Sorry. You were overreacting a bit.")).anyMatch(n -> n.contains("overreacting"));
        assertThat(watch("Sorry about everything.")).anyMatch(n -> n.contains("speaking from “I”"));
    }

    @Test
    void recognisesWhatMakesAnApologySincere() {
        List<ApologyFeedback.Note> notes = ApologyFeedback.of(
                "I am sorry I cancelled our plans again and again last spring. I see now that it told you that you "
                + "came second, and that it hurt. I have started keeping the evenings I promise, and I will tell you "
                + "early when I truly cannot make it.");
        assertThat(notes).extracting(ApologyFeedback.Note::kind).containsOnly("good");
        assertThat(notes).extracting(ApologyFeedback.Note::text)
                         .anyMatch(t -> t.contains("own it")).anyMatch(t -> t.contains("what will be different"));
    }

    @Test
    void saysNothingAboutAnEmptyDraftAndNeverScoresThePerson() {
        assertThat(ApologyFeedback.of("  ")).isEmpty();
        assertThat(ApologyFeedback.of(null)).isEmpty();
        assertThat(ApologyFeedback.of("You never listen. You always do this."))
                .extracting(ApologyFeedback.Note::text).noneMatch(t -> t.matches(".*\\d+ ?(/|of|out of) ?\\d+.*"));
    }

    private static List<String> watch(String draft) {
        return ApologyFeedback.of(draft).stream().filter(n -> n.kind().equals("watch")).map(ApologyFeedback.Note::text)
                              .toList();
    }
}
