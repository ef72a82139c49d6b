package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The client's journal was erased: their data key is deleted, so every text they wrote is unreadable wherever it
 * is stored, and nothing more can be written to the journal. The events themselves stay (replays still work).
 */
@Revision("1")
public record JournalErased(String clientId, Instant erasedAt) implements JournalEvent {
}
