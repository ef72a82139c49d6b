package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The client's journal came into being with its first record. */
@Revision("1")
public record JournalOpened(String clientId, Instant openedAt) implements JournalEvent {
}
