package org.rekindle.web.coach;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan's steps grouped by phase, in the plan's order, each phase with how many of its steps are done and whether it
 * should open on the page: a phase with open steps opens, a finished one folds away (its steps one click off).
 */
final class PlanPhases {

    record Phase(String phaseId, List<Map<String, Object>> steps, long done, boolean finished, boolean known) {
    }

    private PlanPhases() {
    }

    @SuppressWarnings("unchecked")
    static List<Phase> of(Map<String, Object> plan) {
        Map<String, List<Map<String, Object>>> byPhase = new LinkedHashMap<>();
        for (Map<String, Object> step : (List<Map<String, Object>>) plan.getOrDefault("steps", List.of())) {
            byPhase.computeIfAbsent(String.valueOf(step.get("phaseId")), id -> new ArrayList<>()).add(step);
        }
        List<Phase> phases = new ArrayList<>();
        byPhase.forEach((phaseId, steps) -> {
            boolean known = steps.stream().allMatch(step -> step.get("status") != null); // the client shares progress
            long done = steps.stream().filter(step -> !"OPEN".equals(step.get("status")) && step.get("status") != null)
                             .count();
            phases.add(new Phase(phaseId, steps, done, known && done == steps.size(), known));
        });
        return phases;
    }
}
