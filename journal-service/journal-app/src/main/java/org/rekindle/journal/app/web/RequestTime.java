package org.rekindle.journal.app.web;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/** When something happened: the time the client gave (last night's call, logged this morning), else now. */
@Component
class RequestTime {

    private final Clock clock;

    RequestTime(Clock clock) {
        this.clock = clock;
    }

    Instant orNow(Instant occurredAt) {
        return occurredAt != null ? occurredAt : clock.instant();
    }

    Instant now() {
        return clock.instant();
    }
}
