package org.rekindle.journal.app.messaging.out;

import org.junit.jupiter.api.Test;
import org.rekindle.journal.events.JournalEventTypes;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.platform.asyncapi.AsyncApiChecks;
import org.rekindle.platform.asyncapi.EventContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document built into this service (served at {@code /asyncapi.json}) is valid AsyncAPI 3.0 and has
 * every type of {@link JournalEventTypes} with its golden example, which matches the type's schema.
 */
class JournalAsyncApiTest {

    @Test
    void theBuiltDocumentDescribesEveryPublishedType() {
        EventContract contract = EventContract.load("journal-service", JournalEventTypes.class.getName(),
                                                    JournalTopic.class.getName(), getClass().getClassLoader());

        assertThat(contract.types()).hasSize(19);
        assertThat(AsyncApiChecks.problemsOfBuiltDocument(contract)).isEmpty();
    }
}
