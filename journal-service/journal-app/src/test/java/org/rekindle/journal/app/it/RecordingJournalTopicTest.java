package org.rekindle.journal.app.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.platform.testing.TopicRecorder;

/** The embedded stack with the journal topic recorded during each test, for tests that check what was published. */
abstract class RecordingJournalTopicTest extends EmbeddedStackTest {

    TopicRecorder topic;

    @BeforeEach
    void listen() {
        topic = new TopicRecorder(bootstrapServers(), JournalTopic.NAME);
    }

    @AfterEach
    void stop() throws InterruptedException {
        topic.close();
    }
}
