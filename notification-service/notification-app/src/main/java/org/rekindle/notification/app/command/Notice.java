package org.rekindle.notification.app.command;

import java.time.Instant;
import java.util.List;

/**
 * A notification a rule decided on. {@code key} names the rule and its cause, so the same firing never makes two
 * notifications (redelivery, replay, a check that runs twice). Never carries journal text.
 */
public record Notice(String key, Rule rule, String recipientId, String clientId, String title, String body,
                     List<Cause> causes, Instant raisedAt) {
}
