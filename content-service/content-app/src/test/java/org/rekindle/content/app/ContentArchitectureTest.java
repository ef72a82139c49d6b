package org.rekindle.content.app;

import org.rekindle.platform.architecture.ServiceArchitectureTest;

class ContentArchitectureTest extends ServiceArchitectureTest {

    ContentArchitectureTest() {
        super("org.rekindle.content.app", "org.rekindle.content.events");
    }
}
