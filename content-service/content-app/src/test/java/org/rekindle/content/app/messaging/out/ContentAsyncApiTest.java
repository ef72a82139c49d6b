package org.rekindle.content.app.messaging.out;

import org.junit.jupiter.api.Test;
import org.rekindle.content.events.ContentEventTypes;
import org.rekindle.content.events.ContentTopic;
import org.rekindle.platform.asyncapi.AsyncApiChecks;
import org.rekindle.platform.asyncapi.EventContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document built into this service (served at {@code /asyncapi.json}) is valid AsyncAPI 3.0 and has
 * every type of {@link ContentEventTypes} with its golden example, which matches the type's schema.
 */
class ContentAsyncApiTest {

    @Test
    void theBuiltDocumentDescribesEveryPublishedType() {
        EventContract contract = EventContract.load("content-service", ContentEventTypes.class.getName(),
                                                    ContentTopic.class.getName(), getClass().getClassLoader());

        assertThat(contract.types()).hasSize(3);
        assertThat(AsyncApiChecks.problemsOfBuiltDocument(contract)).isEmpty();
    }
}
