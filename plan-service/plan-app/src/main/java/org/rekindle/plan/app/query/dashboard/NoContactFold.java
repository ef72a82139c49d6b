package org.rekindle.plan.app.query.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The no-contact figures of a row at an instant, counted from the recorded facts (periods started and ended,
 * contacts) under the rules in force at each contact's time. Counting at read time is what makes a rule change
 * recompute the history: the facts stay, the count follows the rules. {@code breaches} may hold only the recent
 * ones ({@link #keepingBreachesAfter}); {@code breachesCounted} counts them all.
 */
record NoContactFold(Instant attemptStartedAt, Integer targetDays, int longestEndedAttempt,
                     List<Instant> breaches, DashboardRow.Breach lastBreach, int breachesCounted) {

    NoContactFold(Instant attemptStartedAt, Integer targetDays, int longestEndedAttempt, List<Instant> breaches,
                  DashboardRow.Breach lastBreach) {
        this(attemptStartedAt, targetDays, longestEndedAttempt, breaches, lastBreach, breaches.size());
    }

    /** The same figures with only the breaches after {@code since}: what a view from then on can still show. */
    NoContactFold keepingBreachesAfter(Instant since) {
        return new NoContactFold(attemptStartedAt, targetDays, longestEndedAttempt,
                                 breaches.stream().filter(breach -> breach.isAfter(since)).toList(), lastBreach,
                                 breachesCounted);
    }

    /** Something that happened to the client's no contact: STARTED (with its target), ENDED or CONTACT. */
    record Mark(String kind, Instant at, Integer targetDays, String channel, String initiatedBy, Integer attemptDays) {
    }

    static NoContactFold of(List<Mark> marks, ContactRules assigned, List<ContactRules.Change> changes, Instant now) {
        List<Mark> ordered = new ArrayList<>(marks.stream().filter(mark -> !mark.at().isAfter(now)).toList());
        ordered.sort(Comparator.comparing(Mark::at)); // stable: a period started and broken at once stays in order
        Instant start = null;
        Integer target = null;
        int longest = 0;
        List<Instant> breaches = new ArrayList<>();
        DashboardRow.Breach last = null;
        for (Mark mark : ordered) {
            switch (mark.kind()) {
                case "STARTED" -> {
                    start = mark.at();
                    target = mark.targetDays();
                }
                case "ENDED" -> {
                    longest = Math.max(longest, start == null ? 0 : days(start, mark.at()));
                    start = null;
                }
                default -> {
                    ContactRules rules = ContactRules.inForceAt(mark.at(), assigned, changes);
                    if (rules.countsAsBreach(mark.initiatedBy())) {
                        breaches.add(mark.at());
                        last = new DashboardRow.Breach(mark.channel(), mark.initiatedBy(), mark.at());
                    }
                    if (rules.restartsAttempt(mark.initiatedBy())) {
                        longest = Math.max(longest, start == null ? orZero(mark.attemptDays()) : days(start, mark.at()));
                        start = mark.at();
                    }
                }
            }
        }
        Integer coachTarget = ContactRules.inForceAt(now, assigned, changes).noContactTargetDays();
        return new NoContactFold(start, coachTarget != null ? coachTarget : target, longest, breaches, last);
    }

    private static int days(Instant from, Instant to) {
        return (int) Duration.between(from, to).toDays();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
