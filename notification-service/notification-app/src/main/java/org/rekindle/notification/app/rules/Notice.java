package org.rekindle.notification.app.rules;

import java.time.Instant;
import java.util.List;

/**
 * A notification a rule decided on. {@code key} names the rule and its cause, so the same firing never makes two
 * notifications (redelivery, replay, a check that runs twice). {@code why} is what the rule means (the rule's own
 * words, or a saved rule's with its parameters). Never carries journal text.
 */
public record Notice(String key, Rule rule, String recipientId, String clientId, String title, String body,
                     List<Cause> causes, Instant raisedAt, String why) {

    public Notice {
        why = why == null ? rule.why() : why; // notices stored before a notice carried its why
    }

    public Notice(String key, Rule rule, String recipientId, String clientId, String title, String body,
                  List<Cause> causes, Instant raisedAt) {
        this(key, rule, recipientId, clientId, title, body, causes, raisedAt, null);
    }
}
