package org.rekindle.plan.events;

import java.util.Map;

/** Every published CloudEvent type and the record its {@code data} holds. */
public final class PlanEventTypes {

    private static final Map<String, Class<? extends Record>> ALL = Map.of(
            PlanAssigned.TYPE, PlanAssigned.class,
            PlanStepCompleted.TYPE, PlanStepCompleted.class,
            PlanStepReopened.TYPE, PlanStepReopened.class,
            PlanStepSkipped.TYPE, PlanStepSkipped.class,
            PlanStepOverdue.TYPE, PlanStepOverdue.class,
            PlanPaused.TYPE, PlanPaused.class,
            PlanResumed.TYPE, PlanResumed.class,
            PlanOutcomeChanged.TYPE, PlanOutcomeChanged.class,
            PlanReplaced.TYPE, PlanReplaced.class);

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
