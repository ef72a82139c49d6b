package org.rekindle.plan.app.query.dashboard;

import java.time.Instant;
import java.util.List;

/** One client's row on the coach dashboard, as of {@code asOf}. Risk flags are listed by name; none is good news. */
public record DashboardView(String clientId, String coachId, String planId, String currentPhase, int percentDone,
                            int currentStreakDays, int longestStreakDays, boolean noContactActive, Integer targetDays,
                            int breachesLast7Days, List<Integer> moodTrend, Instant lastActivityAt,
                            List<String> overdueSteps, List<String> riskFlags, Instant asOf) {
}
