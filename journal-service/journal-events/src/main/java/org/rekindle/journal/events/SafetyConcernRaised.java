package org.rekindle.journal.events;

import java.time.Instant;

/**
 * A text the client wrote matched a risk-language list before it was sealed. No text: which record ({@code entryId}:
 * an entry, or a breach, urge or no-contact period id) and {@code field} (REFLECTION_TEXT, APOLOGY_TEXT, MOOD_NOTE,
 * BREACH_NOTE, URGE_NOTE, NO_CONTACT_END_REASON), the class of the matched list entry ({@code riskClass}:
 * SUICIDAL_IDEATION, SELF_HARM or HARM_TO_OTHERS), the list that matched (language, version), when the text was
 * written ({@code occurredAt}, as the client dated it) and when it was screened ({@code raisedAt}).
 * <p>Type {@value #TYPE} on topic {@value JournalTopic#NAME}, keyed by client id. Consumers alert the client's coach
 * at once; the CloudEvent id is stable, dedupe on it.
 */
public record SafetyConcernRaised(String clientId, String entryId, String field, String riskClass,
                                  String listLanguage, int listVersion, Instant occurredAt, Instant raisedAt) {

    public static final String TYPE = "rekindle.journal.SafetyConcernRaised.v1";
}
