package org.rekindle.content.app.query;

import org.bson.Document;
import org.rekindle.content.app.command.api.Phase;
import org.rekindle.content.app.command.api.Step;
import org.rekindle.content.app.command.api.StepKind;

import java.util.List;

/** Phases and steps as stored in MongoDB documents, and back. */
final class ProgramDocuments {

    private ProgramDocuments() {
    }

    static List<Document> toDocuments(List<Phase> phases) {
        return phases.stream().map(phase -> new Document("phaseId", phase.phaseId()).append("title", phase.title())
                .append("steps", phase.steps().stream().map(ProgramDocuments::toDocument).toList())).toList();
    }

    static List<Phase> toPhases(List<Document> documents) {
        return documents.stream().map(doc -> new Phase(doc.getString("phaseId"), doc.getString("title"),
                doc.getList("steps", Document.class).stream().map(ProgramDocuments::toStep).toList())).toList();
    }

    private static Document toDocument(Step step) {
        return new Document("stepId", step.stepId()).append("kind", step.kind().name())
                .append("title", step.title()).append("guidance", step.guidance())
                .append("dayOffset", step.dayOffset()).append("durationDays", step.durationDays())
                .append("promptId", step.promptId()).append("targetDays", step.targetDays())
                .append("checkIns", step.checkIns());
    }

    private static Step toStep(Document doc) {
        return new Step(doc.getString("stepId"), StepKind.valueOf(doc.getString("kind")), doc.getString("title"),
                        doc.getString("guidance"), doc.getInteger("dayOffset"), doc.getInteger("durationDays"),
                        doc.getString("promptId"), doc.getInteger("targetDays"), doc.getInteger("checkIns"));
    }
}
