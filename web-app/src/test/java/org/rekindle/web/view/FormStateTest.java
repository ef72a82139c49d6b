package org.rekindle.web.view;

import org.junit.jupiter.api.Test;
import org.springframework.ui.ExtendedModelMap;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A page with several forms: only the refused one comes back with what was typed and why beside each field. */
class FormStateTest {

    private static final Set<String> STEP = Set.of("title", "promptId");

    @Test
    void theRefusedFormKeepsWhatWasTypedAndSaysWhyBesideItsFieldsTheOthersShowTheirCurrentValues() {
        ExtendedModelMap model = refused(Map.of("form", "edit-why", "title", "Typed again", "promptId", ""),
                                         Map.of("promptId", "Prompt id is required."));
        FormState refused = FormState.of("edit-why", STEP, Map.of("title", "Saved title"), model);
        FormState other = FormState.of("edit-nc", STEP, java.util.Collections.singletonMap("title", null), model);

        assertThat(refused.returned()).isTrue();
        assertThat(refused.value("title")).isEqualTo("Typed again");
        assertThat(refused.invalid("promptId")).isTrue();
        assertThat(refused.error("promptId")).isEqualTo("Prompt id is required.");
        assertThat(refused.invalid("title")).isFalse();
        assertThat(other.returned()).isFalse();
        assertThat(other.value("title")).isEmpty();
        assertThat(other.invalid("promptId")).isFalse();

        FormState.summarise(model, List.of(other, refused));
        assertThat(model.getAttribute("problem")).isEqualTo("That was not saved: the marked fields below say why.");
        assertThat(model.getAttribute("fieldErrors")).asList().isEmpty();
    }

    @Test
    void aReasonForAFieldTheFormDoesNotShowStaysInTheSummary() {
        ExtendedModelMap model = refused(Map.of("form", "add-settle", "title", "t"),
                                         Map.of("title", "Title is too long.", "step", "Step must be given."));
        FormState.summarise(model, List.of(FormState.of("add-settle", STEP, Map.of(), model)));
        assertThat(model.getAttribute("fieldErrors")).asList().containsExactly("Step must be given.");
    }

    @Test
    void withNoFieldToPutThemBesideTheSummaryIsLeftAsTheServiceSaidIt() {
        ExtendedModelMap model = refused(Map.of("form", "phase"), Map.of());
        model.addAttribute("problem", "That conflicts with what is already recorded.");
        FormState.summarise(model, List.of(FormState.of("phase", Set.of("phaseId"), Map.of(), model)));
        assertThat(model.getAttribute("problem")).isEqualTo("That conflicts with what is already recorded.");
    }

    private static ExtendedModelMap refused(Map<String, String> submitted, Map<String, String> reasons) {
        ExtendedModelMap model = new ExtendedModelMap();
        model.addAttribute("submitted", submitted);
        model.addAttribute("fieldReasons", reasons);
        return model;
    }
}
