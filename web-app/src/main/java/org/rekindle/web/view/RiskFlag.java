package org.rekindle.web.view;

import java.util.Map;
import java.util.Optional;

/**
 * The risk flags of a dashboard row, in the words the coach reads: the web app's copy of plan-service's published
 * {@code org.rekindle.plan.events.RiskFlag} (a contract test keeps the names equal). Reads the dashboard's names from
 * before Dec 2026 too ({@code LOW_MOOD_3_IN_A_ROW}, {@code NO_ACTIVITY_5_DAYS}), as an older plan-service answers.
 */
public enum RiskFlag {
    BREACH_IN_48H("Breach in 48h"),
    LOW_MOOD_THREE_IN_A_ROW("Low mood 3 in a row"),
    WELL_BEING_LOW_OR_DROPPED("WHO-5 well-being low or falling"),
    NO_ACTIVITY_FIVE_DAYS("No activity 5 days"),
    OVERDUE_STEP("Overdue step");

    private static final Map<String, RiskFlag> FORMER_NAMES = Map.of("LOW_MOOD_3_IN_A_ROW", LOW_MOOD_THREE_IN_A_ROW,
                                                                      "NO_ACTIVITY_5_DAYS", NO_ACTIVITY_FIVE_DAYS);

    private final String words;

    RiskFlag(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** The flag a dashboard answer names, by its name or the one it had before; empty for one this app does not know. */
    public static Optional<RiskFlag> named(Object name) {
        if (name == null) {
            return Optional.empty();
        }
        for (RiskFlag flag : values()) {
            if (flag.name().equals(name.toString())) {
                return Optional.of(flag);
            }
        }
        return Optional.ofNullable(FORMER_NAMES.get(name.toString()));
    }
}
