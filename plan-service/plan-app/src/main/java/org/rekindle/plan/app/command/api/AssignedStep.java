package org.rekindle.plan.app.command.api;

import java.time.LocalDate;

/** A step of an assigned plan with its due date (plan start + the step's day offset). */
public record AssignedStep(String stepId, String phaseId, String kind, String title, LocalDate dueDate,
                           String promptId, Integer targetDays, Integer checkIns) {
}
