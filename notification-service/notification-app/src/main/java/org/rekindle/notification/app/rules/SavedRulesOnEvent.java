package org.rekindle.notification.app.rules;

import org.rekindle.notification.app.rules.ClientFacts.Mood;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The coach's saved rules applied to one new event of a client, each with the window kept in the client's facts.
 * A rule whose consent the client does not give is not run for them (as a backtest leaves them out). A firing on
 * an event older than the rules' freshness consumes its window but raises nothing (history is not news).
 */
final class SavedRulesOnEvent {

    private final Messages messages;

    SavedRulesOnEvent(Messages messages) {
        this.messages = messages;
    }

    ClientFacts apply(ClientFacts facts, ClientActivity event, boolean fresh, Instant now, List<SavedRule> saved,
                      List<Notice> notices) {
        Map<String, List<Mood>> windows = new HashMap<>();
        for (SavedRule rule : saved) {
            if (!ConsentScope.allowsAll(facts.coachSees(), rule.rule().consent())) {
                continue;
            }
            List<Mood> window = facts.savedRuleWindows().getOrDefault(rule.id(), List.of());
            ProposedRule.Step step = rule.rule().step(window, event);
            windows.put(rule.id(), step.window());
            if (step.firing() != null && fresh && facts.coachId() != null) {
                notices.add(notice(facts, rule, step.firing(), causesOf(window, event, rule), now));
            }
        }
        return facts.withSavedRuleWindows(windows);
    }

    private Notice notice(ClientFacts facts, SavedRule rule, ProposedRule.Firing firing, Map<String, Cause> causes,
                          Instant now) {
        String lastCause = firing.causeEventIds().get(firing.causeEventIds().size() - 1);
        return new Notice("SAVED:" + rule.id() + ":" + lastCause, rule.alertRule(), facts.coachId(), facts.clientId(),
                          messages.title(rule.alertRule(), facts.clientId(), rule.rule().inWords()),
                          messages.body(rule.alertRule(), facts.clientId(), rule.rule().inWords()),
                          firing.causeEventIds().stream().map(causes::get).toList(), now, rule.why());
    }

    /** Each event that may be a cause, by id: the window's moods and the new event. */
    private static Map<String, Cause> causesOf(List<Mood> window, ClientActivity event, SavedRule rule) {
        Stream<Cause> earlier = window.stream().map(m -> new Cause(m.eventId(), event.type(), m.at(),
                                                                   "mood " + m.score() + " of 5"));
        return Stream.concat(earlier, Stream.of(causeOf(event, rule)))
                     .collect(Collectors.toMap(Cause::eventId, Function.identity(), (a, b) -> b));
    }

    private static Cause causeOf(ClientActivity event, SavedRule rule) {
        if (event instanceof ClientActivity.MoodCheckedIn mood) {
            return new Cause(mood.eventId(), mood.type(), mood.at(), "mood " + mood.score() + " of 5");
        }
        if (event instanceof ClientActivity.NoContactBroken broken && rule.alertRule().consent()
                .contains(ConsentScope.CONTACT_DETAILS)) {
            return new Cause(broken.eventId(), broken.type(), broken.at(), "contact by "
                             + broken.channel().toLowerCase() + ", initiated by " + broken.initiatedBy().toLowerCase());
        }
        return new Cause(event.eventId(), event.type(), event.at(), "contact during the no-contact period");
    }
}
