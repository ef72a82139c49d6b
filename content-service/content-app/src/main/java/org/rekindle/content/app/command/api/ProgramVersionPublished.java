package org.rekindle.content.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** The draft was published as an immutable version; it carries the whole content. */
@Revision("1")
public record ProgramVersionPublished(String programId, int version, String title, String summary, List<Phase> phases, Instant publishedAt) {
}
