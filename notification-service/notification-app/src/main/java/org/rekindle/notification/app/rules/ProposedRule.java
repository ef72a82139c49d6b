package org.rekindle.notification.app.rules;

import org.rekindle.notification.app.rules.ClientFacts.Mood;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An alert rule a coach defines: tried on past events in a backtest, and once saved ({@link SavedRule}) run on new
 * events. Each firing consumes the events that caused it, so one episode is one alert (e.g. three low moods in 48 h
 * with "twice in 48 h" fire once, not twice). Both uses take the same {@link #step}: a backtest folds it over a
 * client's history, a saved rule applies it to each new event with the window kept in the client's facts.
 */
public sealed interface ProposedRule {

    /** The rule applied to a client's next event: the window of moods still counting, and the firing if it fired. */
    Step step(List<Mood> window, ClientActivity event);

    /** What a client must let their coach see for the rule to be tried on their events. */
    Set<ConsentScope> consent();

    /** The rule and its parameters in words, e.g. "mood at or below 3, 2 times within 48 hours". */
    String inWords();

    /** Returns the firings over one client's events, oldest first. */
    default List<Firing> replay(List<ClientActivity> events) {
        List<Firing> firings = new ArrayList<>();
        List<Mood> window = List.of();
        for (ClientActivity event : events) {
            Step step = step(window, event);
            window = step.window();
            if (step.firing() != null) {
                firings.add(step.firing());
            }
        }
        return firings;
    }

    record Firing(java.time.Instant at, List<String> causeEventIds) {
    }

    /** {@code firing} is null when the event did not make the rule fire. */
    record Step(List<Mood> window, Firing firing) {
    }

    /** Mood at or below {@code score}, {@code occurrences} times within {@code within}. */
    record MoodAtOrBelow(int score, int occurrences, Duration within) implements ProposedRule {

        @Override
        public Set<ConsentScope> consent() {
            return Set.of(ConsentScope.MOOD_TREND);
        }

        @Override
        public String inWords() {
            return "mood at or below " + score + ", " + occurrences + (occurrences == 1 ? " time" : " times")
                   + " within " + within.toHours() + " hours";
        }

        @Override
        public Step step(List<Mood> window, ClientActivity event) {
            if (!(event instanceof ClientActivity.MoodCheckedIn mood) || mood.score() > score) {
                return new Step(window, null);
            }
            List<Mood> counting = new ArrayList<>(window);
            counting.removeIf(earlier -> earlier.at().isBefore(mood.at().minus(within)));
            counting.add(new Mood(mood.eventId(), mood.score(), mood.at()));
            if (counting.size() >= occurrences) {
                return new Step(List.of(), new Firing(mood.at(), counting.stream().map(Mood::eventId).toList()));
            }
            return new Step(List.copyOf(counting), null);
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
        public String inWords() {
            return initiatedBy == null ? "contact during a no-contact period, by anyone"
                                       : "contact during a no-contact period, initiated by the "
                                         + ("CLIENT".equals(initiatedBy) ? "client" : "ex");
        }

        @Override
        public Step step(List<Mood> window, ClientActivity event) {
            boolean fires = event instanceof ClientActivity.NoContactBroken broken
                            && (initiatedBy == null || initiatedBy.equals(broken.initiatedBy()));
            return new Step(window, fires ? new Firing(event.at(), List.of(event.eventId())) : null);
        }
    }
}
