package org.rekindle.content.app.command.api;

import java.util.List;

/** A phase of a program and its steps, in order. */
public record Phase(String phaseId, String title, List<Step> steps) {
}
