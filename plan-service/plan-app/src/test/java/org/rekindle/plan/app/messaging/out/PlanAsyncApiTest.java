package org.rekindle.plan.app.messaging.out;

import org.junit.jupiter.api.Test;
import org.rekindle.plan.events.PlanEventTypes;
import org.rekindle.plan.events.PlanTopic;
import org.rekindle.platform.asyncapi.AsyncApiChecks;
import org.rekindle.platform.asyncapi.EventContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document built into this service (served at {@code /asyncapi.json}) is valid AsyncAPI 3.0 and has
 * every type of {@link PlanEventTypes} with its golden example, which matches the type's schema.
 */
class PlanAsyncApiTest {

    @Test
    void theBuiltDocumentDescribesEveryPublishedType() {
        EventContract contract = EventContract.load("plan-service", PlanEventTypes.class.getName(),
                                                    PlanTopic.class.getName(), getClass().getClassLoader());

        assertThat(contract.types()).hasSize(10);
        assertThat(AsyncApiChecks.problemsOfBuiltDocument(contract)).isEmpty();
    }
}
