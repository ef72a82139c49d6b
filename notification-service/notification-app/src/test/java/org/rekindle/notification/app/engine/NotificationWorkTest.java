package org.rekindle.notification.app.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored names of the schedule's work kinds are the strings work was stored under before the kinds were types:
 * work waiting in {@code scheduled_work} (and its keys, "notification-deliver:&lt;id&gt;") keeps running after an upgrade.
 */
class NotificationWorkTest {

    @Test
    void storedNamesAreTheOnesWorkWasStoredUnder() {
        assertThat(NotificationWork.RULE_CHECK.storedName()).isEqualTo("notification-rule-check");
        assertThat(NotificationWork.DELIVERY.storedName()).isEqualTo("notification-deliver");
        assertThat(NotificationWork.EMAIL.storedName()).isEqualTo("notification-email");
    }
}
