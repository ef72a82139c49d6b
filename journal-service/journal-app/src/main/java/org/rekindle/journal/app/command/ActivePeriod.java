package org.rekindle.journal.app.command;

import java.time.Instant;

/** The running no-contact period and when its current attempt started (the start, or the last breach). */
record ActivePeriod(String periodId, int targetDays, Instant startedAt, Instant attemptStartedAt) {

    ActivePeriod restartedAt(Instant at) {
        return new ActivePeriod(periodId, targetDays, startedAt, at);
    }
}
