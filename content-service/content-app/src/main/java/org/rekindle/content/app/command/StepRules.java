package org.rekindle.content.app.command;

import org.rekindle.content.app.command.api.Step;
import org.rekindle.content.app.command.api.StepKind;
import org.rekindle.platform.command.InvalidCommandException;

import java.util.regex.Pattern;

/** What makes a step (and the names around it) acceptable in a program. */
final class StepRules {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private StepRules() {
    }

    static void requireId(String field, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidCommandException(field, "must be 1-64 lowercase letters, digits or '-'");
        }
    }

    static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommandException(field, "must not be blank");
        }
        if (value.length() > max) {
            throw new InvalidCommandException(field, "must be at most " + max + " characters");
        }
    }

    static void requireValid(Step step) {
        if (step == null) {
            throw new InvalidCommandException("step", "must be given");
        }
        requireId("stepId", step.stepId());
        if (step.kind() == null) {
            throw new InvalidCommandException("kind", "must be given");
        }
        requireText("title", step.title(), 200);
        requireText("guidance", step.guidance(), 4_000);
        requireRange("dayOffset", step.dayOffset(), 0, 3_650);
        if (step.durationDays() != null) {
            requireRange("durationDays", step.durationDays(), 1, 365);
        }
        requireOnlyFor(step, StepKind.REFLECTION_PROMPT, "promptId", step.promptId());
        requireOnlyFor(step, StepKind.NO_CONTACT_PERIOD, "targetDays", step.targetDays());
        requireOnlyFor(step, StepKind.MOOD_CHECK_IN_HABIT, "checkIns", step.checkIns());
        if (step.promptId() != null) {
            requireId("promptId", step.promptId());
        }
        if (step.targetDays() != null) {
            requireRange("targetDays", step.targetDays(), 1, 365);
        }
        if (step.checkIns() != null) {
            requireRange("checkIns", step.checkIns(), 1, 100);
        }
    }

    private static void requireOnlyFor(Step step, StepKind kind, String field, Object value) {
        if (step.kind() == kind && value == null) {
            throw new InvalidCommandException(field, "is required for a " + kind + " step");
        }
        if (step.kind() != kind && value != null) {
            throw new InvalidCommandException(field, "only applies to a " + kind + " step");
        }
    }

    private static void requireRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidCommandException(field, "must be between " + min + " and " + max);
        }
    }
}
