package org.rekindle.content.events;

import java.util.Map;

/** Every published CloudEvent type and the record its {@code data} holds. */
public final class ContentEventTypes {

    private static final Map<String, Class<? extends Record>> ALL = Map.of(
            ProgramVersionPublished.TYPE, ProgramVersionPublished.class,
            ProgramRetired.TYPE, ProgramRetired.class,
            RiskListRevised.TYPE, RiskListRevised.class);

    private ContentEventTypes() {
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
