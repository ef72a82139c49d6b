package org.rekindle.notification.app.messaging.in;

import org.junit.jupiter.api.Test;
import org.rekindle.notification.app.rules.RiskFlag;
import org.rekindle.notification.app.rules.Rule;
import org.rekindle.platform.testing.SameVocabulary;

import java.util.Arrays;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coach alerts speak the dashboard's risk vocabulary (plan-service's published RiskFlag), and the rule names
 * stored in notifications, their keys and metric labels stay readable.
 */
class RiskVocabularyContractTest {

    @Test
    void theRiskNamesAreThePublishedOnes() {
        SameVocabulary.assertSameNames(RiskFlag.class, org.rekindle.plan.events.RiskFlag.class);
    }

    @Test
    void everyRiskTheDashboardFlagsHasACoachAlert() {
        for (RiskFlag risk : RiskFlag.values()) {
            assertThat(Arrays.stream(Rule.values()).filter(rule -> rule.risk().equals(Optional.of(risk))))
                    .as(risk.name()).isNotEmpty().allMatch(rule -> rule.audience() == Rule.Audience.COACH);
        }
        assertThat(Rule.LOW_MOOD_THREE_IN_A_ROW.risk()).as("an alert named like a flag reports that flag")
                                                       .contains(RiskFlag.LOW_MOOD_THREE_IN_A_ROW);
        assertThat(Rule.NO_ACTIVITY_FIVE_DAYS.risk()).contains(RiskFlag.NO_ACTIVITY_FIVE_DAYS);
        assertThat(Rule.DAILY_CHECK_IN.risk()).as("a reminder reports no risk").isEmpty();
    }

    @Test
    void storedRuleNamesStillRead() {
        // The names notifications were stored under since the service began; renaming one orphans stored documents.
        assertThat(Arrays.stream(Rule.values()).map(Enum::name)).contains(
                "BREACH_BY_CLIENT", "BREACH_REPORTED", "LOW_MOOD_THREE_IN_A_ROW", "NO_ACTIVITY_FIVE_DAYS",
                "STEP_OVERDUE_TWO_DAYS", "SAVED_MOOD_RULE", "SAVED_BREACH_RULE", "SAVED_BREACH_BY_INITIATOR_RULE",
                "DAILY_CHECK_IN", "STEP_DUE_TOMORROW", "NO_CONTACT_MILESTONE", "ENCOURAGEMENT_AFTER_BREACH");
    }
}
