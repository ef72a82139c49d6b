package org.rekindle.plan.app;

import org.rekindle.platform.architecture.ServiceArchitectureTest;

class PlanArchitectureTest extends ServiceArchitectureTest {

    PlanArchitectureTest() {
        super("org.rekindle.plan.app", "org.rekindle.plan.events",
              "org.rekindle.journal.events", "org.rekindle.content.events");
    }
}
