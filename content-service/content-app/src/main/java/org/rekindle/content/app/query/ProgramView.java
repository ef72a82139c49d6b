package org.rekindle.content.app.query;

import org.bson.Document;
import org.rekindle.content.app.command.api.Phase;

import java.util.List;

/** A program as its author sees it: the current draft and the latest published version number (0 = none). */
public record ProgramView(String programId, String title, String summary, ProgramStatus status, int latestVersion,
                          boolean unpublishedChanges, List<Phase> draft) {

    static ProgramView of(Document doc) {
        return new ProgramView(doc.getString("_id"), doc.getString("title"), doc.getString("summary"),
                               ProgramStatus.valueOf(doc.getString("status")), doc.getInteger("latestVersion", 0),
                               doc.getBoolean("unpublishedChanges", false),
                               ProgramDocuments.toPhases(doc.getList("draft", Document.class)));
    }
}
