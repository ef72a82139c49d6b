package org.rekindle.web.view;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The web app renders every risk flag plan-service publishes (plan-events' RiskFlag), under the same names. */
class RiskVocabularyContractTest {

    @Test
    void theFlagsRenderedAreThePublishedOnes() {
        assertThat(Arrays.stream(RiskFlag.values()).map(Enum::name)).containsExactlyElementsOf(
                Arrays.stream(org.rekindle.plan.events.RiskFlag.values()).map(Enum::name).toList());
    }
}
