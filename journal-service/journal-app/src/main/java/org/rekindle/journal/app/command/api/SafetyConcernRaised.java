package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A text the client wrote matched a risk list before it was sealed. It holds no text: which record and field, the
 * class of the list entry that matched, which list (language, version) said so, when the text was written
 * ({@code occurredAt}) and when it was screened ({@code raisedAt}). The record itself is stored unchanged.
 */
@Revision("1")
public record SafetyConcernRaised(String clientId, String entryId, ScreenedField field, String riskClass,
                                  String listLanguage, int listVersion, Instant occurredAt, Instant raisedAt)
        implements JournalEvent {
}
