package org.rekindle.journal.app.query;

import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A client's no-contact streak as of a moment: the current attempt counts whole days up to {@code asOf}; finished
 * attempts keep the days they reached (an attempt broken on day 12 stays a 12-day attempt).
 * <p>Counted when read, under the client's plan's rules in force at each contact's time ({@link ContactRulesTimeline}):
 * the stored document keeps every contact the journal logged (each one ended an attempt there); a contact that does
 * not restart the attempt under those rules joins the attempts before and after it, and one that restarts without
 * being a breach ends its attempt as {@code CONTACT}, not {@code BREACH}. So a rule change, retroactive or not,
 * recounts the streak without touching what is stored. {@code targetDays} is the coach's target when the rules in
 * force now set one, else the period's own.
 */
public record StreakView(String clientId, boolean active, String periodId, Integer targetDays, Instant periodStartedAt,
                         int currentStreakDays, int longestStreakDays, boolean targetReached,
                         List<AttemptView> attempts, Instant asOf) {

    /** One attempt; {@code endedAt} and {@code endedBy} are null while it is still going. */
    public record AttemptView(String periodId, Instant startedAt, Instant endedAt, int days, String endedBy,
                              String initiatedBy) {
    }

    /** The same streak without who initiated each breach (the client's consent keeps contact details private). */
    public StreakView withoutContactDetails() {
        return new StreakView(clientId, active, periodId, targetDays, periodStartedAt, currentStreakDays,
                              longestStreakDays, targetReached, attempts.stream().map(a -> new AttemptView(
                                      a.periodId(), a.startedAt(), a.endedAt(), a.days(), a.endedBy(), null)).toList(),
                              asOf);
    }

    static StreakView of(String clientId, Document doc, ContactRulesTimeline rules, Instant asOf) {
        List<AttemptView> attempts = new ArrayList<>();
        Instant runStart = null;
        String runPeriod = null;
        boolean joined = false;
        for (Document a : doc.getList("attempts", Document.class, List.of())) {
            String periodId = a.getString("periodId");
            if (runStart == null || !periodId.equals(runPeriod)) {
                runStart = EntryView.instant(a.getDate("startedAt"));
                runPeriod = periodId;
                joined = false;
            }
            Instant endedAt = EntryView.instant(a.getDate("endedAt"));
            String endedBy = a.getString("endedBy");
            String initiatedBy = a.getString("initiatedBy");
            if ("BREACH".equals(endedBy)) {
                ContactRulesTimeline.Verdict verdict = rules.verdictAt(endedAt, initiatedBy);
                if (!verdict.restarts()) {
                    joined = true;
                    continue;
                }
                endedBy = verdict.breach() ? "BREACH" : "CONTACT";
            }
            int days = joined ? days(runStart, endedAt) : a.getInteger("days");
            attempts.add(new AttemptView(periodId, runStart, endedAt, days, endedBy, initiatedBy));
            runStart = null;
        }
        Document period = doc.get("period", Document.class);
        int current = 0;
        if (period != null) {
            Instant attemptStart = runStart != null && period.getString("periodId").equals(runPeriod)
                    ? runStart : EntryView.instant(period.getDate("attemptStartedAt"));
            current = Math.max(0, days(attemptStart, asOf));
            attempts.add(new AttemptView(period.getString("periodId"), attemptStart, null, current, null, null));
        }
        int longest = attempts.stream().mapToInt(AttemptView::days).max().orElse(0);
        Integer coachTarget = rules.inForceAt(asOf).noContactTargetDays();
        Integer target = period == null ? null : coachTarget != null ? coachTarget : period.getInteger("targetDays");
        return new StreakView(clientId, period != null, period == null ? null : period.getString("periodId"), target,
                              period == null ? null : EntryView.instant(period.getDate("startedAt")), current,
                              longest, target != null && current >= target, attempts, asOf);
    }

    private static int days(Instant from, Instant to) {
        return (int) Duration.between(from, to).toDays();
    }
}
