package org.rekindle.journal.app.query;

import org.bson.Document;
import org.rekindle.platform.readmodel.IdempotentWrites;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** The stored shape of a client's streak document, changed by {@link StreakProjection}. */
final class StreakState {

    private Instant openedAt;
    private Document period;
    private final List<Document> attempts;
    private final long appliedPosition;

    private StreakState(Document doc) {
        this.openedAt = doc == null ? null : EntryView.instant(doc.getDate("openedAt"));
        this.period = doc == null ? null : doc.get("period", Document.class);
        this.attempts = doc == null ? new ArrayList<>() : new ArrayList<>(doc.getList("attempts", Document.class));
        Number position = doc == null ? null : doc.get(IdempotentWrites.POSITION, Number.class);
        this.appliedPosition = position == null ? -1 : position.longValue();
    }

    static StreakState of(Document doc) {
        return new StreakState(doc);
    }

    long appliedPosition() {
        return appliedPosition;
    }

    void opened(Instant at) {
        openedAt = at;
    }

    void periodStarted(String periodId, int targetDays, Instant at) {
        period = new Document("periodId", periodId).append("targetDays", targetDays)
                                                   .append("startedAt", Date.from(at))
                                                   .append("attemptStartedAt", Date.from(at));
    }

    void attemptBroken(Instant at, int days, String initiatedBy) {
        if (period == null) {
            return;
        }
        attempts.add(attempt(at, days, "BREACH").append("initiatedBy", initiatedBy));
        period.put("attemptStartedAt", Date.from(at));
    }

    void periodEnded(Instant at, int days) {
        if (period == null) {
            return;
        }
        attempts.add(attempt(at, days, "PERIOD_ENDED"));
        period = null;
    }

    private Document attempt(Instant endedAt, int days, String endedBy) {
        return new Document("periodId", period.getString("periodId"))
                .append("startedAt", period.getDate("attemptStartedAt"))
                .append("endedAt", Date.from(endedAt)).append("days", days).append("endedBy", endedBy);
    }

    Document toDocument() {
        return new Document("openedAt", openedAt == null ? null : Date.from(openedAt))
                .append("period", period).append("attempts", attempts);
    }
}
