package org.rekindle.content.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.rekindle.content.app.command.api.PhaseAdded;
import org.rekindle.content.app.command.api.PhaseRemoved;
import org.rekindle.content.app.command.api.ProgramContent;
import org.rekindle.content.app.command.api.ProgramDetailsRevised;
import org.rekindle.content.app.command.api.ProgramDrafted;
import org.rekindle.content.app.command.api.ProgramRetired;
import org.rekindle.content.app.command.api.ProgramVersionPublished;
import org.rekindle.content.app.command.api.StepAdded;
import org.rekindle.content.app.command.api.StepEdited;
import org.rekindle.content.app.command.api.StepMoved;
import org.rekindle.content.app.command.api.StepRemoved;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.function.UnaryOperator;

import static org.rekindle.platform.readmodel.IdempotentWrites.insertOnce;
import static org.rekindle.platform.readmodel.IdempotentWrites.replaceOnce;

/**
 * Programs as authors see them (the draft), every published version as it was published, and the search index of
 * the latest version of each program still in use. Writes are guarded by the aggregate's sequence number or keyed
 * by version, so a replay or redelivery changes nothing.
 */
@Component
@ProcessingGroup(ContentReadModel.PROCESSING_GROUP)
class ProgramProjection {

    private final MongoCollection<Document> programs;
    private final MongoCollection<Document> versions;
    private final SearchIndex search;

    ProgramProjection(ContentCollections collections, SearchIndex search) {
        this.programs = collections.programs();
        this.versions = collections.versions();
        this.search = search;
    }

    @EventHandler
    void on(ProgramDrafted event, @SequenceNumber long position) {
        replaceOnce(programs, event.programId(), position, new Document("title", event.title())
                .append("summary", event.summary()).append("status", ProgramStatus.DRAFT.name())
                .append("latestVersion", 0).append("unpublishedChanges", true)
                .append("draft", ProgramDocuments.toDocuments(ProgramContent.EMPTY.phases())));
    }

    @EventHandler
    void on(ProgramDetailsRevised event, @SequenceNumber long position) {
        change(event.programId(), position, doc -> doc.append("title", event.title())
                                                      .append("summary", event.summary()));
    }

    @EventHandler
    void on(PhaseAdded event, @SequenceNumber long position) {
        editDraft(event.programId(), position, content -> content.withPhase(event.phaseId(), event.title()));
    }

    @EventHandler
    void on(PhaseRemoved event, @SequenceNumber long position) {
        editDraft(event.programId(), position, content -> content.withoutPhase(event.phaseId()));
    }

    @EventHandler
    void on(StepAdded event, @SequenceNumber long position) {
        editDraft(event.programId(), position, content -> content.withStep(event.phaseId(), event.step()));
    }

    @EventHandler
    void on(StepEdited event, @SequenceNumber long position) {
        editDraft(event.programId(), position, content -> content.withEditedStep(event.step()));
    }

    @EventHandler
    void on(StepRemoved event, @SequenceNumber long position) {
        editDraft(event.programId(), position, content -> content.withoutStep(event.stepId()));
    }

    @EventHandler
    void on(StepMoved event, @SequenceNumber long position) {
        editDraft(event.programId(), position, content -> content.withStepMoved(event.stepId(), event.position()));
    }

    @EventHandler
    void on(ProgramVersionPublished event, @SequenceNumber long position) {
        insertOnce(versions, new Document("_id", ProgramVersionView.idOf(event.programId(), event.version()))
                .append("programId", event.programId()).append("version", event.version())
                .append("title", event.title()).append("summary", event.summary())
                .append("phases", ProgramDocuments.toDocuments(event.phases()))
                .append("publishedAt", Date.from(event.publishedAt())).append("retired", false));
        boolean newest = change(event.programId(), position, doc -> doc
                .append("status", ProgramStatus.PUBLISHED.name()).append("latestVersion", event.version())
                .append("unpublishedChanges", false));
        if (newest) {
            search.index(event);
        }
    }

    @EventHandler
    void on(ProgramRetired event, @SequenceNumber long position) {
        versions.updateMany(Filters.eq("programId", event.programId()), Updates.set("retired", true));
        change(event.programId(), position, doc -> doc.append("status", ProgramStatus.RETIRED.name()));
        search.remove(event.programId());
    }

    @ResetHandler
    void onReset() {
        programs.deleteMany(new Document());
        versions.deleteMany(new Document());
        search.clear();
    }

    private void editDraft(String programId, long position, UnaryOperator<ProgramContent> edit) {
        change(programId, position, doc -> {
            ProgramContent draft = new ProgramContent(ProgramDocuments.toPhases(doc.getList("draft", Document.class)));
            return doc.append("draft", ProgramDocuments.toDocuments(edit.apply(draft).phases()))
                      .append("unpublishedChanges", true);
        });
    }

    /** Read-modify-write of the program document, once per event; false if the event was applied before. */
    private boolean change(String programId, long position, UnaryOperator<Document> change) {
        Document current = programs.find(Filters.eq("_id", programId)).first();
        if (current == null) {
            return false;
        }
        return replaceOnce(programs, programId, position, change.apply(current));
    }
}
