package org.rekindle.content.app.command.api;

import org.axonframework.serialization.Revision;

/** The draft's title and summary changed. */
@Revision("1")
public record ProgramDetailsRevised(String programId, String title, String summary) {
}
