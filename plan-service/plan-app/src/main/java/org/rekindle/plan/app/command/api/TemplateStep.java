package org.rekindle.plan.app.command.api;

/** A step of the program version a plan is assigned from, as plan-service keeps it. */
public record TemplateStep(String stepId, String phaseId, String kind, String title, int dayOffset, String promptId,
                           Integer targetDays, Integer checkIns) {
}
