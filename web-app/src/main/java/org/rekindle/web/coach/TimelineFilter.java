package org.rekindle.web.coach;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The kinds of timeline events a coach can narrow the client's timeline to. */
enum TimelineFilter {
    ALL(Set.of()),
    CONTACT(Set.of("NoContactStarted", "NoContactBroken", "NoContactEnded", "UrgeRecorded")),
    MOOD(Set.of("MoodCheckedIn", "WellBeingCheckedIn")),
    JOURNAL(Set.of("ReflectionCompleted", "ApologyDrafted", "ApologyRevised", "EntryShared", "EntryUnshared")),
    SESSIONS(Set.of("SessionBooked", "SessionRescheduled", "SessionCancelled", "SessionOutcomeRecorded")),
    PLAN(Set.of());

    private final Set<String> types;

    TimelineFilter(Set<String> types) {
        this.types = types;
    }

    /** The filter a page asked for; anything unknown shows everything. */
    static TimelineFilter named(String name) {
        for (TimelineFilter filter : values()) {
            if (filter.name().equalsIgnoreCase(name)) {
                return filter;
            }
        }
        return ALL;
    }

    boolean shows(Map<String, Object> event) {
        String type = String.valueOf(event.get("type"));
        return switch (this) {
            case ALL -> true;
            case PLAN -> type.startsWith("Plan");
            default -> types.contains(type);
        };
    }

    List<Map<String, Object>> apply(List<Map<String, Object>> events) {
        return events.stream().filter(this::shows).toList();
    }
}
