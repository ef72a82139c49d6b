package org.rekindle.notification.app.rules;

import java.time.Instant;
import java.util.List;

/**
 * A notification a rule decided on. {@code key} names the rule and its cause, so the same firing never makes two
 * notifications (redelivery, replay, a check that runs twice). {@code why} is what the rule means (the rule's own
 * words, or a saved rule's with its parameters). {@code invite}: the booked session a notice is about (its email
 * carries it as an .ics), else null. Never carries journal text.
 */
public record Notice(String key, Rule rule, String recipientId, String clientId, String title, String body,
                     List<Cause> causes, Instant raisedAt, String why, SessionInvite invite) {

    public Notice {
        why = why == null ? rule.why() : why; // notices stored before a notice carried its why
    }

    /** A notice without a calendar invite (every notice but those about a booked session). */
    public Notice(String key, Rule rule, String recipientId, String clientId, String title, String body,
                  List<Cause> causes, Instant raisedAt, String why) {
        this(key, rule, recipientId, clientId, title, body, causes, raisedAt, why, null);
    }

    public Notice(String key, Rule rule, String recipientId, String clientId, String title, String body,
                  List<Cause> causes, Instant raisedAt) {
        this(key, rule, recipientId, clientId, title, body, causes, raisedAt, null);
    }
}
