package org.rekindle.content.events;

import java.util.List;

/** A phase of a published program version, its steps in order. */
public record ProgramPhase(String phaseId, String title, List<ProgramStep> steps) {
}
