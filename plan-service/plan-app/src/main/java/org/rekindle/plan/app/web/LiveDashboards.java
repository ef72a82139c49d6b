package org.rekindle.plan.app.web;

import org.rekindle.plan.app.query.dashboard.DashboardRowChanged;
import org.rekindle.plan.app.query.dashboard.DashboardStore;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Open dashboard pages per coach; each row change is pushed to that coach's pages as a server-sent event. */
@Component
class LiveDashboards {

    private static final long TIMEOUT_MS = 30 * 60 * 1000L;

    private final Map<String, List<SseEmitter>> emitters = new ConcurrentHashMap<>();
    private final DashboardStore dashboard;
    private final Clock clock;

    LiveDashboards(DashboardStore dashboard, Clock clock) {
        this.dashboard = dashboard;
        this.clock = clock;
    }

    SseEmitter subscribe(String coachId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        List<SseEmitter> pages = emitters.computeIfAbsent(coachId, id -> new CopyOnWriteArrayList<>());
        pages.add(emitter);
        emitter.onCompletion(() -> pages.remove(emitter));
        emitter.onTimeout(() -> pages.remove(emitter));
        emitter.onError(error -> pages.remove(emitter));
        return emitter;
    }

    @EventListener
    void on(DashboardRowChanged change) {
        List<SseEmitter> pages = change.coachId() == null ? null : emitters.get(change.coachId());
        if (pages == null || pages.isEmpty()) {
            return;
        }
        dashboard.client(change.clientId(), clock.instant()).ifPresent(row -> pages.forEach(page -> {
            try {
                page.send(SseEmitter.event().name("row").id(row.clientId()).data(row));
            } catch (IOException | IllegalStateException closed) {
                pages.remove(page);
            }
        }));
    }
}
