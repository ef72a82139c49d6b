package org.rekindle.content.app.command.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The phases and steps of a program draft: an immutable value that the events change one edit at a time. The
 * aggregate and the draft read model both replay edits through it, so they cannot disagree.
 */
public record ProgramContent(List<Phase> phases) {

    public static final ProgramContent EMPTY = new ProgramContent(List.of());

    public ProgramContent {
        phases = List.copyOf(phases);
    }

    public Optional<Phase> phase(String phaseId) {
        return phases.stream().filter(phase -> phase.phaseId().equals(phaseId)).findFirst();
    }

    public Optional<Step> step(String stepId) {
        return phases.stream().flatMap(phase -> phase.steps().stream())
                     .filter(step -> step.stepId().equals(stepId)).findFirst();
    }

    /** The phase a step is in. */
    public Optional<Phase> phaseOf(String stepId) {
        return phases.stream().filter(phase -> phase.steps().stream().anyMatch(step -> step.stepId().equals(stepId)))
                     .findFirst();
    }

    public boolean hasSteps() {
        return phases.stream().anyMatch(phase -> !phase.steps().isEmpty());
    }

    public ProgramContent withPhase(String phaseId, String title) {
        List<Phase> more = new ArrayList<>(phases);
        more.add(new Phase(phaseId, title, List.of()));
        return new ProgramContent(more);
    }

    public ProgramContent withoutPhase(String phaseId) {
        return new ProgramContent(phases.stream().filter(phase -> !phase.phaseId().equals(phaseId)).toList());
    }

    public ProgramContent withStep(String phaseId, Step step) {
        return new ProgramContent(phases.stream().map(phase -> {
            if (!phase.phaseId().equals(phaseId)) {
                return phase;
            }
            List<Step> steps = new ArrayList<>(phase.steps());
            steps.add(step);
            return new Phase(phase.phaseId(), phase.title(), List.copyOf(steps));
        }).toList());
    }

    public ProgramContent withEditedStep(Step edited) {
        return new ProgramContent(phases.stream().map(phase -> new Phase(phase.phaseId(), phase.title(),
                phase.steps().stream().map(step -> step.stepId().equals(edited.stepId()) ? edited : step).toList()))
                                        .toList());
    }

    public ProgramContent withoutStep(String stepId) {
        return new ProgramContent(phases.stream().map(phase -> new Phase(phase.phaseId(), phase.title(),
                phase.steps().stream().filter(step -> !step.stepId().equals(stepId)).toList())).toList());
    }

    /** The step taken out of its phase and put back at {@code position} (1 is first) of the same phase. */
    public ProgramContent withStepMoved(String stepId, int position) {
        return new ProgramContent(phases.stream().map(phase -> {
            Optional<Step> moving = phase.steps().stream().filter(step -> step.stepId().equals(stepId)).findFirst();
            if (moving.isEmpty()) {
                return phase;
            }
            List<Step> steps = new ArrayList<>(phase.steps());
            steps.remove(moving.get());
            steps.add(position - 1, moving.get());
            return new Phase(phase.phaseId(), phase.title(), List.copyOf(steps));
        }).toList());
    }
}
