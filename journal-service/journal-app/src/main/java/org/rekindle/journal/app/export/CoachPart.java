package org.rekindle.journal.app.export;

import org.rekindle.journal.app.query.CoachNoteView;

/**
 * What only the exporting coach gets: their own private note about the client ({@code note} null if they have
 * none). Never in the client's exports, and never in another coach's.
 */
public record CoachPart(String coachId, String coachName, CoachNoteView note) {
}
