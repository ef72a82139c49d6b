package org.rekindle.content.app.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.rekindle.content.app.command.api.Step;
import org.rekindle.content.app.command.api.StepKind;

/** Request bodies of the program library API. */
final class ProgramRequests {

    static final String ID = "[a-z0-9][a-z0-9-]{0,63}";
    static final String ID_MESSAGE = "must be 1-64 lowercase letters, digits or '-'";

    private ProgramRequests() {
    }

    record NewProgram(@Pattern(regexp = ID, message = ID_MESSAGE) String programId,
                      @NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 2_000) String summary) {
    }

    record Details(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 2_000) String summary) {
    }

    record NewPhase(@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String phaseId,
                    @NotBlank @Size(max = 200) String title) {
    }

    record StepBody(@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String stepId, @NotNull StepKind kind,
                    @NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 4_000) String guidance,
                    @NotNull Integer dayOffset, Integer durationDays, String promptId, Integer targetDays,
                    Integer checkIns) {

        Step toStep() {
            return new Step(stepId, kind, title, guidance, dayOffset, durationDays, promptId, targetDays, checkIns);
        }
    }

    record NewPosition(@NotNull @Min(1) Integer position) {
    }
}
