package org.rekindle.content.app.query;

import org.bson.Document;

/** One search result: a program (kind PROGRAM) or one of its steps, in the latest published version. */
public record SearchHit(String programId, int version, String programTitle, String phaseId, String stepId,
                        String kind, String title, String text, double score) {

    static SearchHit of(Document doc, double score) {
        return new SearchHit(doc.getString("programId"), doc.getInteger("version"), doc.getString("programTitle"),
                             doc.getString("phaseId"), doc.getString("stepId"), doc.getString("kind"),
                             doc.getString("title"), doc.getString("text"), score);
    }
}
