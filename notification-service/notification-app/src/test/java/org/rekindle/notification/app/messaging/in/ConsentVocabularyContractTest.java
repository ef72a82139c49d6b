package org.rekindle.notification.app.messaging.in;

import org.junit.jupiter.api.Test;
import org.rekindle.journal.events.CoachSees;
import org.rekindle.notification.app.command.ConsentScope;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules' copy of the consent vocabulary is the one journal-service publishes: same names, same default. */
class ConsentVocabularyContractTest {

    @Test
    void namesAndDefaultAreThePublishedOnes() {
        assertThat(Arrays.stream(ConsentScope.values()).map(Enum::name))
                .containsExactlyElementsOf(Arrays.stream(CoachSees.values()).map(Enum::name).toList());
        assertThat(ConsentScope.DEFAULT.stream().map(Enum::name).sorted())
                .containsExactlyElementsOf(CoachSees.DEFAULT.stream().map(Enum::name).sorted().toList());
    }
}
