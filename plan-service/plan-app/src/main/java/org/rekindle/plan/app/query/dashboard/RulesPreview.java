package org.rekindle.plan.app.query.dashboard;

import java.util.List;

/**
 * What a change of breach rules would change on the client's dashboard row now: the figures before and after, each
 * as the coach may see it (null where the client's consent hides it); the risk flags that would appear and disappear;
 * and the plan steps whose state the change would change ({@code steps}, judged by the plan; null when the client's
 * consent keeps their plan progress from the coach). Nothing is stored.
 */
public record RulesPreview(Figures before, Figures after, List<StepChange> steps, List<RiskFlag> flagsAppearing,
                           List<RiskFlag> flagsDisappearing) {

    public record Figures(Integer currentStreakDays, Integer longestStreakDays, Integer breachesCounted,
                          Integer breachesLast7Days, Integer targetDays, List<RiskFlag> riskFlags,
                          String attention) {

        static Figures of(DashboardRow row, java.time.Instant now) {
            DashboardView view = row.asOf(now);
            boolean streak = view.currentStreakDays() != null;
            return new Figures(view.currentStreakDays(), view.longestStreakDays(),
                               streak ? row.noContactAsOf(now).breachesCounted() : null, view.breachesLast7Days(),
                               view.targetDays(), view.riskFlags(), view.attention());
        }

        private List<RiskFlag> flags() {
            return riskFlags == null ? List.of() : riskFlags;
        }
    }

    /** A plan step the change would move from {@code before} to {@code after} (OPEN, COMPLETED). */
    public record StepChange(String stepId, String title, String before, String after) {
    }

    static RulesPreview of(Figures before, Figures after, boolean planProgressShown) {
        return new RulesPreview(before, after, planProgressShown ? List.of() : null,
                                after.flags().stream().filter(flag -> !before.flags().contains(flag)).toList(),
                                before.flags().stream().filter(flag -> !after.flags().contains(flag)).toList());
    }

    /** The same preview with the plan's step changes, where the consent shows the client's plan progress. */
    public RulesPreview withSteps(List<StepChange> changes) {
        return steps == null ? this
                : new RulesPreview(before, after, List.copyOf(changes), flagsAppearing, flagsDisappearing);
    }
}
