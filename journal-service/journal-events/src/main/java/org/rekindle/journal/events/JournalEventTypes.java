package org.rekindle.journal.events;

import java.util.Map;

/** Every published CloudEvent type and the record its {@code data} holds. */
public final class JournalEventTypes {

    private static final Map<String, Class<? extends Record>> ALL = Map.of(
            NoContactStarted.TYPE, NoContactStarted.class,
            NoContactBroken.TYPE, NoContactBroken.class,
            NoContactEnded.TYPE, NoContactEnded.class,
            UrgeRecorded.TYPE, UrgeRecorded.class,
            ReflectionCompleted.TYPE, ReflectionCompleted.class,
            ApologyDrafted.TYPE, ApologyDrafted.class,
            ApologyRevised.TYPE, ApologyRevised.class,
            MoodCheckedIn.TYPE, MoodCheckedIn.class,
            EntryShared.TYPE, EntryShared.class,
            EntryUnshared.TYPE, EntryUnshared.class);

    private JournalEventTypes() {
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
