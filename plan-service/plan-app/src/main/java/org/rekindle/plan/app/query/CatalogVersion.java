package org.rekindle.plan.app.query;

import org.rekindle.plan.app.command.api.TemplateStep;

import java.util.List;

/** What plan-service keeps of a published program version: only what assigning a plan needs. */
public record CatalogVersion(String programId, int version, String title, List<TemplateStep> steps, boolean retired) {
}
