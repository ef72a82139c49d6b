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

    /**
     * Something that happened to the client's no contact: STARTED (with its target), ENDED or CONTACT. A row keeps
     * every mark of the client, so each is stored as one string ({@code CONTACT|2026-11-03T20:00:00Z||TEXT|EX|10}),
     * not a document of six fields: a row is read and written whole on each batch that touches it, and the store's
     * cost grows with the fields it holds. Marks stored as documents before still read.
     */
    record Mark(String kind, Instant at, Integer targetDays, String channel, String initiatedBy, Integer attemptDays) {

        private static final String SEPARATOR = "|";

        @com.fasterxml.jackson.annotation.JsonValue
        Object stored() {
            List<String> parts = java.util.Arrays.asList(kind, at.toString(), text(targetDays), text(channel),
                                                         text(initiatedBy), text(attemptDays));
            if (parts.stream().anyMatch(part -> part.contains(SEPARATOR))) {
                java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
                fields.put("kind", kind);
                fields.put("at", at.toString());
                fields.put("targetDays", targetDays);
                fields.put("channel", channel);
                fields.put("initiatedBy", initiatedBy);
                fields.put("attemptDays", attemptDays);
                return fields;
            }
            return String.join(SEPARATOR, parts);
        }

        @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.DELEGATING)
        static Mark of(Object stored) {
            if (stored instanceof String line) {
                String[] parts = fields(line);
                return new Mark(parts[0], Instant.parse(parts[1]), number(parts[2]), orNull(parts[3]), orNull(parts[4]),
                                number(parts[5]));
            }
            java.util.Map<?, ?> fields = (java.util.Map<?, ?>) stored;
            return new Mark((String) fields.get("kind"), Instant.parse(String.valueOf(fields.get("at"))),
                            number(fields.get("targetDays")), (String) fields.get("channel"),
                            (String) fields.get("initiatedBy"), number(fields.get("attemptDays")));
        }

        /** The six fields of a stored line (a row holds every mark of the client, so this runs often: no regex). */
        private static String[] fields(String line) {
            String[] parts = new String[6];
            int start = 0;
            for (int i = 0; i < parts.length - 1; i++) {
                int end = line.indexOf(SEPARATOR, start);
                if (end < 0) {
                    throw new IllegalArgumentException("a no-contact mark needs six fields: " + line);
                }
                parts[i] = line.substring(start, end);
                start = end + SEPARATOR.length();
            }
            parts[parts.length - 1] = line.substring(start);
            return parts;
        }

        private static String text(Object value) {
            return value == null ? "" : value.toString();
        }

        private static String orNull(String part) {
            return part.isEmpty() ? null : part;
        }

        private static Integer number(Object value) {
            if (value == null || value.toString().isEmpty()) {
                return null;
            }
            return value instanceof Number n ? n.intValue() : Integer.valueOf(value.toString());
        }
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
