package org.rekindle.notification.app;

import org.rekindle.platform.architecture.ServiceArchitectureTest;

/**
 * notification-service publishes no topic (its delivery log is its own); it consumes journal and plan events. It has
 * no commands: its domain is the rules ({@code rules/}), run by {@code engine/}.
 */
class NotificationArchitectureTest extends ServiceArchitectureTest {

    NotificationArchitectureTest() {
        super("org.rekindle.notification.app", "org.rekindle.notification.events",
              "org.rekindle.journal.events", "org.rekindle.plan.events");
    }

    @Override
    protected String domainPackage() {
        return "rules";
    }
}
