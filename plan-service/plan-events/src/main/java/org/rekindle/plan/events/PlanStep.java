package org.rekindle.plan.events;

import java.time.LocalDate;

/** A step of an assigned plan: what it is and when it is due (in the client's timezone). */
public record PlanStep(String stepId, String phaseId, String kind, String title, LocalDate dueDate) {
}
