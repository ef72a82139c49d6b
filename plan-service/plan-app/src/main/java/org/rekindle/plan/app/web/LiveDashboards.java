package org.rekindle.plan.app.web;

import org.rekindle.plan.app.query.dashboard.DashboardRowChanged;
import org.rekindle.platform.web.LiveStreams;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Clock;

/** Open dashboard pages per coach; each row change is pushed to that coach's pages as a server-sent event. */
@Component
class LiveDashboards {

    private final LiveStreams streams;
    private final Clock clock;

    LiveDashboards(LiveStreams streams, Clock clock) {
        this.streams = streams;
        this.clock = clock;
    }

    SseEmitter subscribe(String coachId) {
        return streams.open(coachId);
    }

    @EventListener
    void on(DashboardRowChanged change) {
        if (streams.hasListeners(change.coachId())) {
            streams.send(change.coachId(), "row", change.clientId(), change.row().asOf(clock.instant()));
        }
    }
}
