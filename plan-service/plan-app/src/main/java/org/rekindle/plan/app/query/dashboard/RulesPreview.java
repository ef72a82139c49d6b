package org.rekindle.plan.app.query.dashboard;

import java.util.List;

/**
 * What a change of breach rules would change on the client's dashboard row now: the figures before and after, each
 * as the coach may see it (null where the client's consent hides it). Nothing is stored.
 */
public record RulesPreview(Figures before, Figures after) {

    public record Figures(Integer currentStreakDays, Integer longestStreakDays, Integer breachesCounted,
                          Integer breachesLast7Days, Integer targetDays, List<RiskFlag> riskFlags,
                          String attention) {

        static Figures of(DashboardRow row, java.time.Instant now) {
            DashboardView view = row.asOf(now);
            boolean streak = view.currentStreakDays() != null;
            return new Figures(view.currentStreakDays(), view.longestStreakDays(),
                               streak ? row.noContactAsOf(now).breaches().size() : null, view.breachesLast7Days(),
                               view.targetDays(), view.riskFlags(), view.attention());
        }
    }
}
