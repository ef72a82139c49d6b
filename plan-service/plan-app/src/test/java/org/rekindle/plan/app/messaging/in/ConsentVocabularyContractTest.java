package org.rekindle.plan.app.messaging.in;

import org.junit.jupiter.api.Test;
import org.rekindle.platform.testing.SameVocabulary;
import org.rekindle.journal.events.CoachSees;
import org.rekindle.plan.app.query.dashboard.ConsentScope;

/** The dashboard's copy of the consent vocabulary is the one journal-service publishes: same names, same default. */
class ConsentVocabularyContractTest {

    @Test
    void namesAndDefaultAreThePublishedOnes() {
        SameVocabulary.assertSameNames(ConsentScope.class, CoachSees.class);
        SameVocabulary.assertSameMembers(ConsentScope.DEFAULT, CoachSees.DEFAULT);
    }
}
