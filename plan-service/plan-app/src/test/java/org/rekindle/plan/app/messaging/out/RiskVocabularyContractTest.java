package org.rekindle.plan.app.messaging.out;

import org.junit.jupiter.api.Test;
import org.rekindle.plan.app.query.dashboard.RiskFlag;
import org.rekindle.platform.testing.SameVocabulary;

/** The dashboard's risk flags are the vocabulary plan-service publishes (plan-events' RiskFlag; docs/domain.md). */
class RiskVocabularyContractTest {

    @Test
    void theDashboardFlagsAreThePublishedNames() {
        SameVocabulary.assertSameNames(RiskFlag.class, org.rekindle.plan.events.RiskFlag.class);
    }
}
