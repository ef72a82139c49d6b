package org.rekindle.notification.app.messaging.in;

import org.junit.jupiter.api.Test;
import org.rekindle.journal.events.CoachSees;
import org.rekindle.notification.app.rules.ConsentScope;
import org.rekindle.platform.testing.SameVocabulary;

/** The rules' copy of the consent vocabulary is the one journal-service publishes: same names, same default. */
class ConsentVocabularyContractTest {

    @Test
    void namesAndDefaultAreThePublishedOnes() {
        SameVocabulary.assertSameNames(ConsentScope.class, CoachSees.class);
        SameVocabulary.assertSameMembers(ConsentScope.DEFAULT, CoachSees.DEFAULT);
    }
}
