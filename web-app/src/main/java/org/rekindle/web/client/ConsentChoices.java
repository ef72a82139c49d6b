package org.rekindle.web.client;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The choices on the privacy page, in the client's words, named as journal-service's consent API names them (an
 * unknown name is refused there with a 400, so a drift shows at once in the web app's tests).
 */
public record ConsentChoices(String name, String label, String detail) {

    public static final List<ConsentChoices> ALL = List.of(
            new ConsentChoices("STREAK", "My no-contact streak",
                               "days in the current attempt, the longest one, and that contact happened and when"),
            new ConsentChoices("PLAN_PROGRESS", "My plan progress", "the phase, steps done, skipped or overdue"),
            new ConsentChoices("MOOD_TREND", "My mood trend", "the scores of my check-ins (never my notes)"),
            new ConsentChoices("SLEEP", "My sleep", "the hours I give with a check-in"),
            new ConsentChoices("URGES", "My urges", "when I felt an urge to make contact, and whether I resisted"),
            new ConsentChoices("JOURNAL_ACTIVITY", "When I write",
                               "when I reflected (on which prompt) or drafted an apology, never what I wrote"),
            new ConsentChoices("CONTACT_DETAILS", "How contact happened", "the channel and who reached out"));

    static String describe(List<String> names) {
        return ALL.stream().filter(choice -> names.contains(choice.name())).map(c -> c.label().toLowerCase())
                  .collect(Collectors.joining(", "));
    }
}
