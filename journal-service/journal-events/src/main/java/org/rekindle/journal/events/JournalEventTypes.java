package org.rekindle.journal.events;

import java.util.Map;

/** Every published CloudEvent type and the record its {@code data} holds. */
public final class JournalEventTypes {

    private static final Map<String, Class<? extends Record>> ALL = Map.ofEntries(
            Map.entry(NoContactStarted.TYPE, NoContactStarted.class),
            Map.entry(NoContactBroken.TYPE, NoContactBroken.class),
            Map.entry(NoContactEnded.TYPE, NoContactEnded.class),
            Map.entry(UrgeRecorded.TYPE, UrgeRecorded.class),
            Map.entry(ReflectionCompleted.TYPE, ReflectionCompleted.class),
            Map.entry(ApologyDrafted.TYPE, ApologyDrafted.class),
            Map.entry(ApologyRevised.TYPE, ApologyRevised.class),
            Map.entry(MoodCheckedIn.TYPE, MoodCheckedIn.class),
            Map.entry(WellBeingCheckedIn.TYPE, WellBeingCheckedIn.class),
            Map.entry(EntryShared.TYPE, EntryShared.class),
            Map.entry(EntryUnshared.TYPE, EntryUnshared.class),
            Map.entry(JournalErased.TYPE, JournalErased.class),
            Map.entry(ConsentChanged.TYPE, ConsentChanged.class),
            Map.entry(SafetyConcernRaised.TYPE, SafetyConcernRaised.class),

            Map.entry(MessageSent.TYPE, MessageSent.class),

            Map.entry(SessionBooked.TYPE, SessionBooked.class),
            Map.entry(SessionRescheduled.TYPE, SessionRescheduled.class),
            Map.entry(SessionCancelled.TYPE, SessionCancelled.class),
            Map.entry(SessionOutcomeRecorded.TYPE, SessionOutcomeRecorded.class));

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
