package org.rekindle.journal.app.query;

import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A client's no-contact streak as of a moment: the current attempt counts whole days up to {@code asOf}; finished
 * attempts keep the days they reached (an attempt broken on day 12 stays a 12-day attempt).
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

    static StreakView of(String clientId, Document doc, Instant asOf) {
        List<AttemptView> attempts = new ArrayList<>();
        for (Document a : doc.getList("attempts", Document.class, List.of())) {
            attempts.add(new AttemptView(a.getString("periodId"), EntryView.instant(a.getDate("startedAt")),
                                         EntryView.instant(a.getDate("endedAt")), a.getInteger("days"),
                                         a.getString("endedBy"), a.getString("initiatedBy")));
        }
        Document period = doc.get("period", Document.class);
        int current = 0;
        if (period != null) {
            Instant attemptStart = EntryView.instant(period.getDate("attemptStartedAt"));
            current = (int) Math.max(0, Duration.between(attemptStart, asOf).toDays());
            attempts.add(new AttemptView(period.getString("periodId"), attemptStart, null, current, null, null));
        }
        int longest = attempts.stream().mapToInt(AttemptView::days).max().orElse(0);
        Integer target = period == null ? null : period.getInteger("targetDays");
        return new StreakView(clientId, period != null, period == null ? null : period.getString("periodId"), target,
                              period == null ? null : EntryView.instant(period.getDate("startedAt")), current,
                              longest, target != null && current >= target, attempts, asOf);
    }
}
