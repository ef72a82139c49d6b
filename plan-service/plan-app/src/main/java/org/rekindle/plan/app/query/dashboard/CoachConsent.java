package org.rekindle.plan.app.query.dashboard;


import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a client lets their coach see, from the client's latest {@code ConsentChanged} (journal-service owns the
 * choice; {@link ConsentScope#DEFAULT} until the client makes one). Applied when the dashboard, time travel or the
 * timeline is read, never when projected, so a change takes effect at once on everything already stored.
 */
public final class CoachConsent {

    /** Which consent each timeline event type needs; a type not listed needs none (e.g. an entry shared). */
    private static final Map<String, ConsentScope> NEEDED = Map.ofEntries(
            Map.entry("NoContactStarted", ConsentScope.STREAK), Map.entry("NoContactBroken", ConsentScope.STREAK),
            Map.entry("NoContactEnded", ConsentScope.STREAK), Map.entry("MoodCheckedIn", ConsentScope.MOOD_TREND),
            Map.entry("WellBeingCheckedIn", ConsentScope.MOOD_TREND),
            Map.entry("UrgeRecorded", ConsentScope.URGES), Map.entry("ReflectionCompleted", ConsentScope.JOURNAL_ACTIVITY),
            Map.entry("ApologyDrafted", ConsentScope.JOURNAL_ACTIVITY),
            Map.entry("ApologyRevised", ConsentScope.JOURNAL_ACTIVITY),
            Map.entry("PlanAssigned", ConsentScope.PLAN_PROGRESS), Map.entry("PlanStepCompleted", ConsentScope.PLAN_PROGRESS),
            Map.entry("PlanStepSkipped", ConsentScope.PLAN_PROGRESS),
            Map.entry("PlanStepReopened", ConsentScope.PLAN_PROGRESS),
            Map.entry("PlanStepOverdue", ConsentScope.PLAN_PROGRESS), Map.entry("PlanPaused", ConsentScope.PLAN_PROGRESS),
            Map.entry("PlanResumed", ConsentScope.PLAN_PROGRESS),
            Map.entry("PlanOutcomeChanged", ConsentScope.PLAN_PROGRESS),
            Map.entry("PlanReplaced", ConsentScope.PLAN_PROGRESS));

    /** Fields of an allowed event that need a consent of their own. */
    private static final Map<String, ConsentScope> FIELDS = Map.of("sleepHours", ConsentScope.SLEEP,
                                                                "channel", ConsentScope.CONTACT_DETAILS,
                                                                "initiatedBy", ConsentScope.CONTACT_DETAILS);

    private final Set<ConsentScope> allowed;

    private CoachConsent(Set<ConsentScope> allowed) {
        this.allowed = allowed;
    }

    /** From the names the client chose; null when they never chose (the default). Unknown names grant nothing. */
    public static CoachConsent of(List<String> chosen) {
        if (chosen == null) {
            return new CoachConsent(ConsentScope.DEFAULT);
        }
        Set<ConsentScope> allowed = EnumSet.noneOf(ConsentScope.class);
        for (String name : chosen) {
            for (ConsentScope known : ConsentScope.values()) {
                if (known.name().equals(name)) {
                    allowed.add(known);
                }
            }
        }
        return new CoachConsent(allowed);
    }

    public boolean sees(ConsentScope what) {
        return allowed.contains(what);
    }

    public List<String> names() {
        return allowed.stream().map(Enum::name).sorted().toList();
    }

    /** Whether events of this type are shown at all (a shown event may still lose fields, see {@link #show}). */
    public boolean showsType(String type) {
        ConsentScope needed = NEEDED.get(type);
        return needed == null || sees(needed);
    }

    /** The event as the coach may see it, or null when the consent hides it altogether. */
    public ClientEvent show(ClientEvent event) {
        if (!showsType(event.type())) {
            return null;
        }
        if (FIELDS.keySet().stream().noneMatch(event.data()::containsKey)) {
            return event;
        }
        Map<String, Object> data = new HashMap<>(event.data());
        FIELDS.forEach((field, consent) -> {
            if (!sees(consent)) {
                data.remove(field);
            }
        });
        return new ClientEvent(event.eventId(), event.clientId(), event.type(), event.time(), data);
    }

    public List<ClientEvent> show(List<ClientEvent> events) {
        return events.stream().map(this::show).filter(java.util.Objects::nonNull).toList();
    }
}
