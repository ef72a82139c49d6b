package org.rekindle.content.app.query;

import org.bson.Document;
import org.rekindle.content.app.command.api.Phase;

import java.time.Instant;
import java.util.List;

/** A published, immutable version of a program: what plans are assigned from. */
public record ProgramVersionView(String programId, int version, String title, String summary, List<Phase> phases,
                                 Instant publishedAt, boolean retired) {

    static String idOf(String programId, int version) {
        return programId + "@" + version;
    }

    static ProgramVersionView of(Document doc) {
        return new ProgramVersionView(doc.getString("programId"), doc.getInteger("version"), doc.getString("title"),
                                      doc.getString("summary"),
                                      ProgramDocuments.toPhases(doc.getList("phases", Document.class)),
                                      doc.getDate("publishedAt").toInstant(), doc.getBoolean("retired", false));
    }
}
