package org.rekindle.journal.app.query;

import java.time.Instant;

/** A coach's private note about a client, opened for its author: the text, its revision and when it was saved. */
public record CoachNoteView(String clientId, String coachId, String text, int revision, Instant savedAt,
                            Instant firstWrittenAt) {
}
