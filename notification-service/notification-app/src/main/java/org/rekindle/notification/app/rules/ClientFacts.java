package org.rekindle.notification.app.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the rules remember of one client, folded from their events: plan, coach, zone, open steps, the running
 * no-contact period, recent moods, last activity, the ids of recent events (so redelivery changes nothing), and
 * coach alerts raised before the plan (and so the coach) was known: the journal and plan topics are read by
 * separate consumers, so a client's breach can arrive before their assignment; the alert waits for the coach.
 * {@code savedRuleWindows} holds, per rule the coach saved, the moods still counting towards its next firing (at
 * most the rule's occurrences, within its hours): what a saved rule needs, without reading history.
 * {@code lastWellBeing} is the client's latest WHO-5 check-in (null before the first): what the next one is compared
 * with. {@code contactRules} is how the client's plan counts contact over time (null before the plan is known).
 */
public record ClientFacts(String clientId, String coachId, String planId, String timezone, boolean planRunning,
                          Map<String, StepFact> steps, NoContact noContact, List<Mood> recentMoods,
                          int lowMoodRun, String lastActivityEventId, Instant lastActivityAt,
                          List<String> seenEventIds, List<Notice> awaitingCoach, List<String> coachSees,
                          Map<String, List<Mood>> savedRuleWindows, WellBeing lastWellBeing,
                          ContactRules contactRules) {

    static final int SEEN_KEPT = 500;
    static final int MOODS_KEPT = 14;
    static final int AWAITING_KEPT = 20;

    public record StepFact(String title, LocalDate dueDate, boolean open) {
    }

    public record NoContact(String periodId, Instant startedAt, int targetDays, boolean running) {
    }

    public record Mood(String eventId, int score, Instant at) {
    }

    /** A WHO-5 check-in: its percentage (0-100) and ISO week. */
    public record WellBeing(String eventId, int percentage, String week, Instant at) {
    }

    public ClientFacts {
        savedRuleWindows = savedRuleWindows == null ? Map.of() : savedRuleWindows; // facts stored before saved rules
    }

    public static ClientFacts of(String clientId) {
        return new ClientFacts(clientId, null, null, "UTC", false, Map.of(), null, List.of(), 0, null, null,
                               List.of(), List.of(), null, Map.of(), null, null);
    }

    /** What erasure keeps: only the client's consent (a choice about the future, not a record of the past). */
    public ClientFacts afterErasure() {
        return coachSees == null ? of(clientId) : of(clientId).withConsent(coachSees);
    }

    /** The client's latest consent (the names of what their coach may see); null until they choose. */
    ClientFacts withConsent(List<String> chosen) {
        return new ClientFacts(clientId, coachId, planId, timezone, planRunning, steps, noContact, recentMoods,
                               lowMoodRun, lastActivityEventId, lastActivityAt, seenEventIds, awaitingCoach,
                               List.copyOf(chosen), savedRuleWindows, lastWellBeing, contactRules);
    }

    /** Whether the client's consent lets their coach learn what this rule's alert tells. */
    public boolean allows(Rule rule) {
        return ConsentScope.allowsAll(coachSees, rule.consent());
    }

    /** Whether the client lets their coach see this (their latest choice, or the default). */
    public boolean coachSees(ConsentScope scope) {
        return ConsentScope.allows(coachSees, scope);
    }

    /** Whether the coach may learn that the client did what this CloudEvents type says (see ConsentScope). */
    public boolean coachMayKnowOf(String eventType) {
        return ConsentScope.neededToSee(eventType).map(this::coachSees).orElse(true);
    }

    public boolean hasSeen(String eventId) {
        return seenEventIds.contains(eventId);
    }

    ClientFacts seen(String eventId) {
        List<String> seen = new ArrayList<>(seenEventIds);
        seen.add(eventId);
        return withSeen(seen.size() > SEEN_KEPT ? seen.subList(seen.size() - SEEN_KEPT, seen.size()) : seen);
    }

    private ClientFacts withSeen(List<String> seen) {
        return new ClientFacts(clientId, coachId, planId, timezone, planRunning, steps, noContact, recentMoods,
                               lowMoodRun, lastActivityEventId, lastActivityAt, List.copyOf(seen),
                               awaitingCoach, coachSees, savedRuleWindows, lastWellBeing, contactRules);
    }

    ClientFacts withPlan(String newPlanId, String newCoachId, String newTimezone, Map<String, StepFact> newSteps) {
        return new ClientFacts(clientId, newCoachId, newPlanId, newTimezone, true, Map.copyOf(newSteps), noContact,
                               recentMoods, lowMoodRun, lastActivityEventId, lastActivityAt, seenEventIds,
                               awaitingCoach, coachSees, savedRuleWindows, lastWellBeing, contactRules);
    }

    ClientFacts awaiting(List<Notice> notices) {
        List<Notice> waiting = new ArrayList<>(awaitingCoach);
        waiting.addAll(notices);
        List<Notice> kept = waiting.size() > AWAITING_KEPT ? waiting.subList(waiting.size() - AWAITING_KEPT,
                                                                             waiting.size()) : waiting;
        return new ClientFacts(clientId, coachId, planId, timezone, planRunning, steps, noContact, recentMoods,
                               lowMoodRun, lastActivityEventId, lastActivityAt, seenEventIds, List.copyOf(kept), coachSees, savedRuleWindows, lastWellBeing, contactRules);
    }

    ClientFacts released() {
        return new ClientFacts(clientId, coachId, planId, timezone, planRunning, steps, noContact, recentMoods,
                               lowMoodRun, lastActivityEventId, lastActivityAt, seenEventIds, List.of(), coachSees, savedRuleWindows, lastWellBeing, contactRules);
    }

    ClientFacts withPlanRunning(boolean running) {
        return new ClientFacts(clientId, coachId, planId, timezone, running, steps, noContact, recentMoods, lowMoodRun,
                               lastActivityEventId, lastActivityAt, seenEventIds,
                               awaitingCoach, coachSees, savedRuleWindows, lastWellBeing, contactRules);
    }

    ClientFacts withStep(String stepId, boolean open) {
        StepFact step = steps.get(stepId);
        if (step == null) {
            return this;
        }
        Map<String, StepFact> changed = new LinkedHashMap<>(steps);
        changed.put(stepId, new StepFact(step.title(), step.dueDate(), open));
        return new ClientFacts(clientId, coachId, planId, timezone, planRunning, Map.copyOf(changed), noContact,
                               recentMoods, lowMoodRun, lastActivityEventId, lastActivityAt, seenEventIds,
                               awaitingCoach, coachSees, savedRuleWindows, lastWellBeing, contactRules);
    }

    ClientFacts withNoContact(NoContact period) {
        return new ClientFacts(clientId, coachId, planId, timezone, planRunning, steps, period, recentMoods,
                               lowMoodRun, lastActivityEventId, lastActivityAt, seenEventIds,
                               awaitingCoach, coachSees, savedRuleWindows, lastWellBeing, contactRules);
    }

    ClientFacts withMood(Mood mood, int run) {
        List<Mood> moods = new ArrayList<>(recentMoods);
        moods.add(mood);
        List<Mood> kept = moods.size() > MOODS_KEPT ? moods.subList(moods.size() - MOODS_KEPT, moods.size()) : moods;
        return new ClientFacts(clientId, coachId, planId, timezone, planRunning, steps, noContact, List.copyOf(kept),
                               run, lastActivityEventId, lastActivityAt, seenEventIds,
                               awaitingCoach, coachSees, savedRuleWindows, lastWellBeing, contactRules);
    }

    ClientFacts withActivity(String eventId, Instant at) {
        if (lastActivityAt != null && at.isBefore(lastActivityAt)) {
            return this;
        }
        return new ClientFacts(clientId, coachId, planId, timezone, planRunning, steps, noContact, recentMoods,
                               lowMoodRun, eventId, at, seenEventIds,
                               awaitingCoach, coachSees, savedRuleWindows, lastWellBeing, contactRules);
    }

    /** The client's latest WHO-5 check-in; one recorded earlier than the latest known changes nothing. */
    ClientFacts withWellBeing(WellBeing checkIn) {
        if (lastWellBeing != null && checkIn.at().isBefore(lastWellBeing.at())) {
            return this;
        }
        return new ClientFacts(clientId, coachId, planId, timezone, planRunning, steps, noContact, recentMoods,
                               lowMoodRun, lastActivityEventId, lastActivityAt, seenEventIds, awaitingCoach, coachSees,
                               savedRuleWindows, checkIn, contactRules);
    }

    ClientFacts withContactRules(ContactRules rules) {
        return new ClientFacts(clientId, coachId, planId, timezone, planRunning, steps, noContact, recentMoods,
                               lowMoodRun, lastActivityEventId, lastActivityAt, seenEventIds, awaitingCoach, coachSees,
                               savedRuleWindows, lastWellBeing, rules);
    }

    /** What a contact started by {@code initiatedBy} at {@code at} is under the plan's rules in force then. */
    ContactRules.Verdict contactVerdict(Instant at, String initiatedBy) {
        return ContactRules.verdict(contactRules, at, initiatedBy);
    }

    /** The windows of the coach's saved rules as they stand now (windows of deleted rules are dropped). */
    ClientFacts withSavedRuleWindows(Map<String, List<Mood>> windows) {
        return new ClientFacts(clientId, coachId, planId, timezone, planRunning, steps, noContact, recentMoods,
                               lowMoodRun, lastActivityEventId, lastActivityAt, seenEventIds, awaitingCoach, coachSees,
                               Map.copyOf(windows), lastWellBeing, contactRules);
    }
}
