package org.rekindle.plan.events;

import java.util.Map;

/** Every published CloudEvent type and the record its {@code data} holds. */
public final class PlanEventTypes {

    private static final Map<String, Class<? extends Record>> ALL = Map.ofEntries(
            Map.entry(PlanAssigned.TYPE, PlanAssigned.class),
            Map.entry(PlanStepCompleted.TYPE, PlanStepCompleted.class),
            Map.entry(PlanStepReopened.TYPE, PlanStepReopened.class),
            Map.entry(PlanStepSkipped.TYPE, PlanStepSkipped.class),
            Map.entry(PlanStepOverdue.TYPE, PlanStepOverdue.class),
            Map.entry(PlanPaused.TYPE, PlanPaused.class),
            Map.entry(PlanResumed.TYPE, PlanResumed.class),
            Map.entry(PlanOutcomeChanged.TYPE, PlanOutcomeChanged.class),
            Map.entry(PlanReplaced.TYPE, PlanReplaced.class),
            Map.entry(PlanBreachRulesChanged.TYPE, PlanBreachRulesChanged.class));

    private PlanEventTypes() {
    }

    public static Map<String, Class<? extends Record>> all() {
        return ALL;
    }

    public static String typeOf(Record event) {
        return ALL.entrySet().stream().filter(e -> e.getValue() == event.getClass()).map(Map.Entry::getKey)
                  .findFirst()
                  .orElseThrow(() -> new IllegalArgumentException(event.getClass() + " is not a published type"));
    }
}
