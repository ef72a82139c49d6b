package org.rekindle.notification.app.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A rule a coach wants to try on past events before adopting it. Each firing consumes the events that caused it,
 * so one episode is one alert (e.g. three low moods in 48 h with "twice in 48 h" fire once, not twice).
 */
public sealed interface ProposedRule {

    /** Returns the firings over one client's events, oldest first. */
    List<Firing> replay(List<ClientActivity> events);

    /** What a client must let their coach see for the rule to be tried on their events. */
    Set<ConsentScope> consent();

    record Firing(java.time.Instant at, List<String> causeEventIds) {
    }

    /** Mood at or below {@code score}, {@code occurrences} times within {@code within}. */
    record MoodAtOrBelow(int score, int occurrences, Duration within) implements ProposedRule {

        @Override
        public Set<ConsentScope> consent() {
            return Set.of(ConsentScope.MOOD_TREND);
        }

        @Override
        public List<Firing> replay(List<ClientActivity> events) {
            List<Firing> firings = new ArrayList<>();
            List<ClientActivity.MoodCheckedIn> window = new ArrayList<>();
            for (ClientActivity event : events) {
                if (!(event instanceof ClientActivity.MoodCheckedIn mood) || mood.score() > score) {
                    continue;
                }
                window.removeIf(earlier -> earlier.at().isBefore(mood.at().minus(within)));
                window.add(mood);
                if (window.size() >= occurrences) {
                    firings.add(new Firing(mood.at(), window.stream().map(ClientActivity::eventId).toList()));
                    window.clear();
                }
            }
            return firings;
        }
    }

    /** A no-contact breach initiated by {@code initiatedBy} (CLIENT or EX), or by anyone when it is null. */
    record Breach(String initiatedBy) implements ProposedRule {

        /** Any breach is the streak's; who initiated it is a contact detail. */
        @Override
        public Set<ConsentScope> consent() {
            return initiatedBy == null ? Set.of(ConsentScope.STREAK)
                                       : Set.of(ConsentScope.STREAK, ConsentScope.CONTACT_DETAILS);
        }

        @Override
        public List<Firing> replay(List<ClientActivity> events) {
            return events.stream().filter(e -> e instanceof ClientActivity.NoContactBroken broken
                                               && (initiatedBy == null || initiatedBy.equals(broken.initiatedBy())))
                         .map(e -> new Firing(e.at(), List.of(e.eventId()))).toList();
        }
    }
}
