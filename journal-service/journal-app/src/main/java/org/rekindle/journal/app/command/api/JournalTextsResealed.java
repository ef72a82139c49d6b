package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * Stored texts of the client sealed again with their newest key, every marked person's names in them as
 * placeholders: from now on these are the texts' stored form (the read models take them; the older forms, sealed
 * with a key that is then deleted, open no more). Applied by the aggregate that holds the texts: the journal, a
 * coach note or a conversation.
 */
@Revision("1")
public record JournalTextsResealed(String clientId, List<ResealedText> texts, Instant resealedAt)
        implements JournalEvent {
}
