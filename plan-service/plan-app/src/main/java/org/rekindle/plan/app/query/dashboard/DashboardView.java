package org.rekindle.plan.app.query.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * One client's row on the coach dashboard, as of {@code asOf}. Risk flags ({@link RiskFlag}) are listed by name; none is good news.
 * What the client's consent ({@code coachSees}) does not allow is null: phase, progress and overdue steps without
 * {@code PLAN_PROGRESS}, the no-contact figures without {@code STREAK}, the mood trend without {@code MOOD_TREND};
 * the risk flags read from them are left out with them. {@code planStatus} is ACTIVE, PAUSED or FINISHED;
 * {@code attention} is how much the client needs the coach (an {@link Attention.Level} name, CONTACT_BROKEN first,
 * CALM last) and {@code reasons} says why in words, most urgent first. {@code wellBeingTrend} holds the weekly WHO-5
 * percentages (0-100), oldest first, with {@code MOOD_TREND} only.
 */
public record DashboardView(String clientId, String coachId, String planId, String currentPhase, Integer percentDone,
                            Integer currentStreakDays, Integer longestStreakDays, Boolean noContactActive,
                            Integer targetDays, Integer breachesLast7Days, List<Integer> moodTrend,
                            Instant lastActivityAt, List<String> overdueSteps, List<RiskFlag> riskFlags,
                            List<String> coachSees, Instant asOf, String planStatus, String attention,
                            List<String> reasons, List<Integer> wellBeingTrend) {
}
