package org.rekindle.content.app.command.api;

import org.axonframework.serialization.Revision;

/** A program template was started as a draft. */
@Revision("1")
public record ProgramDrafted(String programId, String title, String summary) {
}
