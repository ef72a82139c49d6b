package org.rekindle.content.app.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.rekindle.content.app.command.api.AddPhase;
import org.rekindle.content.app.command.api.AddStep;
import org.rekindle.content.app.command.api.DraftProgram;
import org.rekindle.content.app.command.api.EditStep;
import org.rekindle.content.app.command.api.MoveStep;
import org.rekindle.content.app.command.api.Phase;
import org.rekindle.content.app.command.api.PhaseAdded;
import org.rekindle.content.app.command.api.PhaseRemoved;
import org.rekindle.content.app.command.api.ProgramContent;
import org.rekindle.content.app.command.api.ProgramDetailsRevised;
import org.rekindle.content.app.command.api.ProgramDrafted;
import org.rekindle.content.app.command.api.ProgramRetired;
import org.rekindle.content.app.command.api.ProgramVersionPublished;
import org.rekindle.content.app.command.api.PublishProgramVersion;
import org.rekindle.content.app.command.api.RemovePhase;
import org.rekindle.content.app.command.api.RemoveStep;
import org.rekindle.content.app.command.api.RetireProgram;
import org.rekindle.content.app.command.api.ReviseProgramDetails;
import org.rekindle.content.app.command.api.StepAdded;
import org.rekindle.content.app.command.api.StepEdited;
import org.rekindle.content.app.command.api.StepMoved;
import org.rekindle.content.app.command.api.StepRemoved;
import org.rekindle.platform.command.ConflictingCommandException;
import org.rekindle.platform.command.InvalidCommandException;
import org.rekindle.platform.command.UnknownEntityException;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.rekindle.content.app.command.StepRules.requireId;
import static org.rekindle.content.app.command.StepRules.requireText;
import static org.rekindle.content.app.command.StepRules.requireValid;

/**
 * A program template: a draft that is edited phase by phase and step by step, and published as numbered versions.
 * A published version never changes (its event carries the whole content); editing after publishing prepares the
 * next version. A retired program accepts no more changes.
 */
@Aggregate(snapshotTriggerDefinition = "programSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Program {

    @AggregateIdentifier
    private String programId;
    private String title;
    private String summary;
    private ProgramContent content = ProgramContent.EMPTY;
    private int publishedVersion;
    private boolean unpublishedChanges;
    private boolean retired;

    protected Program() {
        // for Axon and for snapshots
    }

    @CommandHandler
    Program(DraftProgram command) {
        requireId("programId", command.programId());
        requireText("title", command.title(), 200);
        requireText("summary", command.summary(), 2_000);
        apply(new ProgramDrafted(command.programId(), command.title(), command.summary()));
    }

    @CommandHandler
    void handle(ReviseProgramDetails command) {
        requireEditable();
        requireText("title", command.title(), 200);
        requireText("summary", command.summary(), 2_000);
        apply(new ProgramDetailsRevised(programId, command.title(), command.summary()));
    }

    @CommandHandler
    void handle(AddPhase command) {
        requireEditable();
        requireId("phaseId", command.phaseId());
        requireText("title", command.title(), 200);
        if (content.phase(command.phaseId()).isPresent()) {
            throw new ConflictingCommandException("The program already has a phase '" + command.phaseId() + "'.");
        }
        apply(new PhaseAdded(programId, command.phaseId(), command.title()));
    }

    @CommandHandler
    void handle(RemovePhase command) {
        requireEditable();
        requirePhase(command.phaseId());
        apply(new PhaseRemoved(programId, command.phaseId()));
    }

    @CommandHandler
    void handle(AddStep command) {
        requireEditable();
        requirePhase(command.phaseId());
        requireValid(command.step());
        if (content.step(command.step().stepId()).isPresent()) {
            throw new ConflictingCommandException("The program already has a step '" + command.step().stepId() + "'.");
        }
        apply(new StepAdded(programId, command.phaseId(), command.step()));
    }

    @CommandHandler
    void handle(EditStep command) {
        requireEditable();
        requireValid(command.step());
        if (content.step(command.step().stepId()).isEmpty()) {
            throw new UnknownEntityException("step", command.step().stepId());
        }
        apply(new StepEdited(programId, command.step()));
    }

    @CommandHandler
    void handle(RemoveStep command) {
        requireEditable();
        if (content.step(command.stepId()).isEmpty()) {
            throw new UnknownEntityException("step", command.stepId());
        }
        apply(new StepRemoved(programId, command.stepId()));
    }

    /** Within the step's own phase; moving a step to where it already is records nothing. */
    @CommandHandler
    void handle(MoveStep command) {
        requireEditable();
        Phase phase = content.phaseOf(command.stepId())
                             .orElseThrow(() -> new UnknownEntityException("step", command.stepId()));
        int steps = phase.steps().size();
        if (command.position() < 1 || command.position() > steps) {
            throw new InvalidCommandException("position", steps == 1
                    ? "must be 1: the step is the only one in its phase"
                    : "must be between 1 and " + steps + ", the number of steps in its phase");
        }
        if (phase.steps().get(command.position() - 1).stepId().equals(command.stepId())) {
            return;
        }
        apply(new StepMoved(programId, command.stepId(), command.position()));
    }

    @CommandHandler
    int handle(PublishProgramVersion command) {
        requireEditable();
        if (!content.hasSteps()) {
            throw new ConflictingCommandException("A program needs at least one step to be published.");
        }
        if (publishedVersion > 0 && !unpublishedChanges) {
            throw new ConflictingCommandException("Nothing changed since version " + publishedVersion + ".");
        }
        int version = publishedVersion + 1;
        apply(new ProgramVersionPublished(programId, version, title, summary, content.phases(),
                                          command.publishedAt()));
        return version;
    }

    @CommandHandler
    void handle(RetireProgram command) {
        if (retired) {
            throw new ConflictingCommandException("The program is already retired.");
        }
        apply(new ProgramRetired(programId, command.retiredAt()));
    }

    private void requireEditable() {
        if (retired) {
            throw new ConflictingCommandException("The program is retired; draft a new program instead.");
        }
    }

    private void requirePhase(String phaseId) {
        if (content.phase(phaseId).isEmpty()) {
            throw new UnknownEntityException("phase", phaseId);
        }
    }

    @EventSourcingHandler
    void on(ProgramDrafted event) {
        programId = event.programId();
        title = event.title();
        summary = event.summary();
    }

    @EventSourcingHandler
    void on(ProgramDetailsRevised event) {
        title = event.title();
        summary = event.summary();
        unpublishedChanges = true;
    }

    @EventSourcingHandler
    void on(PhaseAdded event) {
        content = content.withPhase(event.phaseId(), event.title());
        unpublishedChanges = true;
    }

    @EventSourcingHandler
    void on(PhaseRemoved event) {
        content = content.withoutPhase(event.phaseId());
        unpublishedChanges = true;
    }

    @EventSourcingHandler
    void on(StepAdded event) {
        content = content.withStep(event.phaseId(), event.step());
        unpublishedChanges = true;
    }

    @EventSourcingHandler
    void on(StepEdited event) {
        content = content.withEditedStep(event.step());
        unpublishedChanges = true;
    }

    @EventSourcingHandler
    void on(StepRemoved event) {
        content = content.withoutStep(event.stepId());
        unpublishedChanges = true;
    }

    @EventSourcingHandler
    void on(StepMoved event) {
        content = content.withStepMoved(event.stepId(), event.position());
        unpublishedChanges = true;
    }

    @EventSourcingHandler
    void on(ProgramVersionPublished event) {
        publishedVersion = event.version();
        unpublishedChanges = false;
    }

    @EventSourcingHandler
    void on(ProgramRetired event) {
        retired = true;
    }
}
