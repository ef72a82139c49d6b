package org.rekindle.notification.app.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Telling the other side of a conversation that a message is waiting: the coach when the client wrote, the client
 * when the coach did. Never the text (it is not in the event either), only who wrote, and the key is the rule and
 * the event, so a redelivered event raises nothing new. A message first seen long after it was sent (a replay of
 * the topic) tells nobody: the recipient has long seen it in the conversation.
 */
public final class MessageNotices {

    public static final Duration FRESH_FOR = Duration.ofHours(48);

    private static final Messages WORDS = new Messages();

    private MessageNotices() {
    }

    /** {@code sender} is {@code CLIENT} or {@code COACH} as published; anything else tells nobody. */
    public static Optional<Notice> of(String eventId, String eventType, String clientId, String coachId,
                                      String sender, Instant sentAt, Instant now) {
        if (sentAt.isBefore(now.minus(FRESH_FOR))) {
            return Optional.empty();
        }
        Rule rule;
        String recipient;
        if ("CLIENT".equals(sender)) {
            rule = Rule.MESSAGE_FROM_CLIENT;
            recipient = coachId;
        } else if ("COACH".equals(sender)) {
            rule = Rule.MESSAGE_FROM_COACH;
            recipient = clientId;
        } else {
            return Optional.empty();
        }
        return Optional.of(new Notice(rule + ":" + eventId, rule, recipient, clientId,
                                      WORDS.title(rule, clientId, null), WORDS.body(rule, clientId, null),
                                      List.of(new Cause(eventId, eventType, sentAt, null)), now));
    }
}
