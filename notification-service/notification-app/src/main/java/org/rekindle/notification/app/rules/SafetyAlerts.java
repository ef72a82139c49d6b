package org.rekindle.notification.app.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The safety alert and its escalation, pure. A concern alerts the client's coach at once (never delayed by quiet
 * hours, never held back by consent: it holds no journal text, only which kind of text matched which class of risk
 * language); unacknowledged after the set time it goes to the practice admin, once. Keys derive from the
 * CloudEvent id, so a redelivered concern never makes a second alert.
 */
public final class SafetyAlerts {

    /** A concern older than this when first read (history replayed on a first start) alerts nobody. */
    public static final Duration FRESH_FOR = Duration.ofHours(48);
    private static final Messages MESSAGES = new Messages();

    /** A {@code SafetyConcernRaised} as notification-service reads it. */
    public record Concern(String eventId, String type, String clientId, String entryId, String field,
                          String riskClass, Instant occurredAt, Instant raisedAt) {
    }

    private SafetyAlerts() {
    }

    public static boolean fresh(Concern concern, Instant now) {
        return !concern.raisedAt().isBefore(now.minus(FRESH_FOR));
    }

    public static Notice toCoach(Concern concern, String coachId, Duration escalateAfter, Instant now) {
        String detail = what(concern) + " Acknowledge this alert once you have it in hand: otherwise it goes to the "
                        + "practice admin " + minutes(escalateAfter) + " after it was raised.";
        return notice(Rule.SAFETY_CONCERN, concern, coachId, detail, now);
    }

    public static Notice escalation(Concern concern, String adminId, String coachId, Instant now) {
        String detail = what(concern) + (coachId == null
                ? " The client has no coach assigned that notification-service knows of, so it came to you at once."
                : " Their coach (" + coachId + ") has not acknowledged the alert.");
        return notice(Rule.SAFETY_CONCERN_ESCALATED, concern, adminId, detail, now);
    }

    static String title(Rule rule, String clientId) {
        return rule == Rule.SAFETY_CONCERN ? "Safety alert: " + clientId + " may be at risk"
                                           : "Escalated safety alert: " + clientId + " may be at risk";
    }

    static String body(Rule rule, String clientId, Object detail) {
        return clientId + " " + detail + " Please reach out to them now. The client was shown crisis resources for "
               + "their region when they saved it.";
    }

    private static Notice notice(Rule rule, Concern concern, String recipientId, String detail, Instant now) {
        Cause cause = new Cause(concern.eventId(), concern.type(), concern.occurredAt(),
                                inWords(concern.riskClass()) + " in " + fieldInWords(concern.field()));
        return new Notice(rule + ":" + concern.eventId(), rule, recipientId, concern.clientId(),
                          MESSAGES.title(rule, concern.clientId(), detail),
                          MESSAGES.body(rule, concern.clientId(), detail), List.of(cause), now);
    }

    private static String what(Concern concern) {
        return "wrote something in " + fieldInWords(concern.field()) + " that matched the practice's risk-language "
               + "list (" + inWords(concern.riskClass()) + "). The text is not part of this alert; you read it only "
               + "if they shared the entry.";
    }

    static String inWords(String riskClass) {
        return switch (riskClass == null ? "" : riskClass) {
            case "SUICIDAL_IDEATION" -> "thoughts of suicide";
            case "SELF_HARM" -> "self-harm";
            case "HARM_TO_OTHERS" -> "harming someone else";
            default -> "risk language";
        };
    }

    static String fieldInWords(String field) {
        return switch (field == null ? "" : field) {
            case "REFLECTION_TEXT" -> "a reflection";
            case "APOLOGY_TEXT" -> "an apology draft";
            case "MOOD_NOTE" -> "a mood check-in note";
            case "BREACH_NOTE" -> "a note about contact during no-contact";
            case "URGE_NOTE" -> "a note about an urge";
            case "NO_CONTACT_END_REASON" -> "the reason for ending a no-contact period";
            default -> "their journal";
        };
    }

    private static String minutes(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes >= 1 ? minutes + (minutes == 1 ? " minute" : " minutes")
                            : duration.toSeconds() + " seconds";
    }
}
