package org.rekindle.journal.app;

import org.rekindle.platform.architecture.ServiceArchitectureTest;

class JournalArchitectureTest extends ServiceArchitectureTest {

    JournalArchitectureTest() {
        super("org.rekindle.journal.app", "org.rekindle.journal.events");
    }
}
