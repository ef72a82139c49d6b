package org.rekindle.content.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A language's risk-language list was revised: the whole list at its new version, who revised it, when. */
@Revision("1")
public record RiskListRevised(String listId, String language, int version, List<RiskPhraseEntry> phrases,
                              String revisedBy, Instant revisedAt) {
}
