package org.rekindle.plan.app.messaging.out;

import org.junit.jupiter.api.Test;
import org.rekindle.plan.app.query.dashboard.RiskFlag;
import org.rekindle.platform.testing.SameVocabulary;

/** The dashboard's risk flags are the ones plan-service publishes as its vocabulary (plan-events' RiskFlag). */
class RiskVocabularyContractTest {

    @Test
    void theDashboardFlagsAreThePublishedNames() {
        SameVocabulary.assertSameNames(RiskFlag.class, org.rekindle.plan.events.RiskFlag.class);
    }
}
